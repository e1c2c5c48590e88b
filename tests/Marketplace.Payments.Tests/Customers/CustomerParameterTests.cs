using System.Net;
using System.Text;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.Customers;

/// <summary>What customers accept and refuse: every refusal is a Stripe error naming the parameter, and stores nothing.</summary>
public sealed class CustomerParameterTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_With51MetadataKeys_IsRefusedOnMetadataAndStoresNothing()
    {
        var fields = Enumerable.Range(0, 51).Select(i => ($"metadata[key{i}]", "v")).ToArray();

        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, fields);

        Assert.Equal("metadata", error.Text("param"));
        Assert.Equal("Metadata can have up to 50 keys, but you passed in 51 keys.", error.Text("message"));
    }

    [Fact]
    public async Task Create_With50MetadataKeys_IsAccepted()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var customer = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers",
            [.. Enumerable.Range(0, 50).Select(i => ($"metadata[key{i}]", new string('v', 500)))]));

        Assert.Equal(50, customer.GetProperty("metadata").EnumerateObject().Count());
    }

    [Fact]
    public async Task Create_WithA41CharacterMetadataKey_IsRefusedOnThatKey()
    {
        var key = new string('k', 41);

        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, ($"metadata[{key}]", "v"));

        Assert.Equal($"metadata[{key}]", error.Text("param"));
        Assert.StartsWith("Metadata keys can have up to 40 characters", error.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithA501CharacterMetadataValue_IsRefusedOnItsKey()
    {
        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, ("metadata[note]", new string('v', 501)));

        Assert.Equal("metadata[note]", error.Text("param"));
        Assert.StartsWith("Metadata values can have up to 500 characters", error.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_With10000MetadataKeys_IsRefusedAndStoresNothing()
    {
        var fields = Enumerable.Range(0, 10_000).Select(i => ($"metadata[key{i}]", "v")).ToArray();

        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, fields);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.StartsWith("Too many parameters", error.Text("message"), StringComparison.Ordinal);
        Assert.Equal("metadata", error.Text("param"));
    }

    [Fact]
    public async Task Update_ThatWouldLeaveMoreThan50MetadataKeys_IsRefusedAndChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers",
            [.. Enumerable.Range(0, 30).Select(i => ($"metadata[old{i}]", "v"))]));
        var id = created.Id();

        var error = await Http.ErrorAsync(await Http.PostAsync(client, $"/v1/customers/{id}",
            [.. Enumerable.Range(0, 21).Select(i => ($"metadata[new{i}]", "v"))]), HttpStatusCode.BadRequest);

        Assert.Equal("metadata", error.Text("param"));
        Assert.Equal("Metadata can have up to 50 keys, but you passed in 51 keys.", error.Text("message"));
        var retrieved = await Http.OkAsync(await client.GetAsync($"/v1/customers/{id}", Cancellation));
        Assert.Equal(created.GetRawText(), retrieved.GetRawText());
        Assert.Single(await Rows.EventsAsync(service.Database, context.AccountId));
    }

    [Theory]
    [InlineData("foo", "bar", "foo")]
    [InlineData("address[street]", "1 Main St", "address[street]")]
    [InlineData("shipping[carrier]", "UPS", "shipping[carrier]")]
    // Parameters of later issues are unknown until those issues bring them.
    [InlineData("payment_method", "pm_card_visa", "payment_method")]
    [InlineData("source", "tok_visa", "source")]
    [InlineData("invoice_settings[footer]", "Thanks", "invoice_settings[footer]")]
    [InlineData("tax[ip_address]", "127.0.0.1", "tax")]
    [InlineData("test_clock", "clock_123", "test_clock")]
    [InlineData("coupon", "SUMMER", "coupon")]
    [InlineData("next_invoice_sequence", "5", "next_invoice_sequence")]
    public async Task Create_WithAnUnknownParameter_IsRefusedNamingIt(string name, string value, string param)
    {
        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, ("email", "jenny@example.com"), (name, value));

        Assert.Equal("parameter_unknown", error.Text("code"));
        Assert.Equal(param, error.Text("param"));
        Assert.Equal($"Received unknown parameter: {param}", error.Text("message"));
    }

    [Fact]
    public async Task Update_WithAnUnknownParameter_IsRefusedAndChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var id = (await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("name", "Jenny")))).Id();

        var error = await Http.ErrorAsync(await Http.PostAsync(client, $"/v1/customers/{id}", ("name", "Changed"), ("nickname", "J")), HttpStatusCode.BadRequest);

        Assert.Equal("nickname", error.Text("param"));
        Assert.Equal("Jenny", (await Http.OkAsync(await client.GetAsync($"/v1/customers/{id}", Cancellation))).Text("name"));
        Assert.Single(await Rows.EventsAsync(service.Database, context.AccountId));
    }

    [Theory]
    [InlineData("email", "not-an-email")]
    [InlineData("email", "jenny@example")]
    [InlineData("email", "jenny@@example.com")]
    [InlineData("email", "jenny rosen@example.com")]
    [InlineData("email", "@example.com")]
    [InlineData("email", "jenny@example..com")]
    [InlineData("email", "jenny@-example.com")]
    [InlineData("email", "<jenny@example.com>")]
    public async Task Create_WithAnImplausibleEmail_IsEmailInvalid(string name, string email)
    {
        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, (name, email));

        Assert.Equal("email_invalid", error.Text("code"));
        Assert.Equal("email", error.Text("param"));
        Assert.Equal($"Invalid email address: {email}", error.Text("message"));
    }

    [Theory]
    [InlineData("jenny.rosen+test@example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("jenny@sub.example-domain.com")]
    [InlineData("josé@exämple.de")]
    public async Task Create_WithAPlausibleEmail_KeepsIt(string email)
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var customer = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("email", email)));

        Assert.Equal(email, customer.Text("email"));
    }

    [Theory]
    [InlineData("balance", "9223372036854775808", "balance", "parameter_invalid_integer")]
    [InlineData("balance", "-9223372036854775809", "balance", "parameter_invalid_integer")]
    [InlineData("balance", "12.5", "balance", "parameter_invalid_integer")]
    [InlineData("balance", "", "balance", "parameter_invalid_empty")]
    [InlineData("invoice_prefix", "", "invoice_prefix", "parameter_invalid_empty")]
    [InlineData("invoice_prefix", "abc", "invoice_prefix", null)]
    [InlineData("invoice_prefix", "ABCDEFGHIJKLM", "invoice_prefix", null)]
    [InlineData("tax_exempt", "sometimes", "tax_exempt", null)]
    [InlineData("phone", "+1 555 555 0100 ext 12", "phone", null)]
    [InlineData("preferred_locales[]", "english!", "preferred_locales[0]", null)]
    [InlineData("address", "1 Main St", "address", null)]
    [InlineData("metadata", "tier", "metadata", null)]
    [InlineData("shipping[name]", "Jenny", "shipping[address]", "parameter_missing")]
    [InlineData("shipping[address][line1]", "1 Main St", "shipping[name]", "parameter_missing")]
    public async Task Create_WithAnInvalidValue_IsRefusedOnIt(string name, string value, string param, string? code)
    {
        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, (name, value));

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal(param, error.Text("param"));
        Assert.Equal(code, error.Text("code"));
    }

    [Fact]
    public async Task Create_WithAnEmptyName_IsAcceptedAsNoName()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var customer = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("name", "")));

        Assert.Null(customer.Text("name"));
    }

    [Theory]
    [InlineData("name", 256)]
    [InlineData("email", 512)]
    [InlineData("phone", 20)]
    [InlineData("business_name", 150)]
    [InlineData("individual_name", 150)]
    public async Task Create_WithAStringLongerThanStripeAllows_IsRefusedOnIt(string name, int maximum)
    {
        var value = name == "email" ? new string('j', maximum - "@example.com".Length + 1) + "@example.com" : new string('x', maximum + 1);

        var error = await CreateRefusedAsync(HttpStatusCode.BadRequest, (name, value));

        Assert.Equal(name, error.Text("param"));
    }

    [Fact]
    public async Task Create_AsJson_IsReadLikeAForm()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        using var body = new StringContent(
            """{"email":"jenny@example.com","balance":-100,"metadata":{"tier":"gold"},"preferred_locales":["en","fr"],"address":{"city":"Paris"}}""",
            Encoding.UTF8, "application/json");

        var customer = await Http.OkAsync(await client.PostAsync("/v1/customers", body, Cancellation));

        Assert.Equal("jenny@example.com", customer.Text("email"));
        Assert.Equal(-100, customer.GetProperty("balance").GetInt64());
        Assert.Equal("""{"tier":"gold"}""", customer.GetProperty("metadata").GetRawText());
        Assert.Equal("""["en","fr"]""", customer.GetProperty("preferred_locales").GetRawText());
        Assert.Equal("Paris", customer.GetProperty("address").Text("city"));
    }

    public static TheoryData<string, string, byte[], HttpStatusCode> MalformedBodies => new()
    {
        { "form with an unclosed bracket", "application/x-www-form-urlencoded", "address[line1=x"u8.ToArray(), HttpStatusCode.BadRequest },
        { "form with a bad %-escape", "application/x-www-form-urlencoded", "name=%zz"u8.ToArray(), HttpStatusCode.BadRequest },
        { "form with %-encoded invalid UTF-8", "application/x-www-form-urlencoded", "name=%C3%28"u8.ToArray(), HttpStatusCode.BadRequest },
        { "form with raw invalid UTF-8", "application/x-www-form-urlencoded", [.. "name="u8.ToArray(), 0xFF, 0xFE], HttpStatusCode.BadRequest },
        { "form using a name as value and hash", "application/x-www-form-urlencoded", "address=x&address[city]=y"u8.ToArray(), HttpStatusCode.BadRequest },
        { "truncated JSON", "application/json", """{"email":"""u8.ToArray(), HttpStatusCode.BadRequest },
        { "JSON that is not an object", "application/json", "[1,2]"u8.ToArray(), HttpStatusCode.BadRequest },
        { "JSON with invalid UTF-8", "application/json", [.. "{\"name\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()], HttpStatusCode.BadRequest },
        { "plain text", "text/plain", "email=jenny@example.com"u8.ToArray(), HttpStatusCode.UnsupportedMediaType },
        { "XML", "application/xml", "<customer><email>jenny@example.com</email></customer>"u8.ToArray(), HttpStatusCode.UnsupportedMediaType },
        { "multipart form", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\njenny@example.com\r\n--x--"u8.ToArray(), HttpStatusCode.UnsupportedMediaType },
        { "a body over 1 MiB", "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes("description=" + new string('x', 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Create_WithAMalformedBody_IsAClearClientErrorAndStoresNothing(string what, string contentType, byte[] body, HttpStatusCode status)
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var error = await Http.ErrorAsync(await client.PostAsync("/v1/customers", content, Cancellation), status);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.False(string.IsNullOrWhiteSpace(error.Text("message")), what);
        Assert.Equal(0, await Rows.CustomerCountAsync(service.Database, context.AccountId));
        Assert.Empty(await Rows.EventsAsync(service.Database, context.AccountId));
    }

    [Fact]
    public async Task Update_WithAMalformedBody_ChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/customers", ("name", "Jenny")));
        using var content = new ByteArrayContent([.. "name=Changed&description="u8.ToArray(), 0xFF]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");

        await Http.ErrorAsync(await client.PostAsync($"/v1/customers/{created.Id()}", content, Cancellation), HttpStatusCode.BadRequest);

        var retrieved = await Http.OkAsync(await client.GetAsync($"/v1/customers/{created.Id()}", Cancellation));
        Assert.Equal(created.GetRawText(), retrieved.GetRawText());
    }

    /// <summary>Creates for a fresh platform, expects the refusal, checks that nothing was stored, and returns the error.</summary>
    async Task<System.Text.Json.JsonElement> CreateRefusedAsync(HttpStatusCode status, params (string Name, string Value)[] fields)
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/customers", fields), status);
        Assert.Equal(0, await Rows.CustomerCountAsync(service.Database, context.AccountId));
        Assert.Empty(await Rows.EventsAsync(service.Database, context.AccountId));
        return error;
    }
}
