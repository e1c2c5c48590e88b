using Marketplace.Api.Forms;
using Marketplace.Api.Tests.Support;

namespace Marketplace.Api.Tests.Forms;

public sealed class ParameterReaderTests
{
    [Fact]
    public void Complete_WithAParameterNobodyRead_RefusesItAsUnknown()
    {
        var reader = Parameters.Form("amount=100&foo=bar");

        Assert.Equal(100, reader.GetLong("amount"));
        var error = reader.Complete();

        Assert.NotNull(error);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("Received unknown parameter: foo", error.Message);
        Assert.Equal("foo", error.Param);
        Assert.Equal("parameter_unknown", error.Code);
        Assert.Equal("https://stripe.com/docs/error-codes/parameter-unknown", error.DocUrl);
    }

    [Fact]
    public void Complete_WithAnUnknownNestedParameter_NamesItWithBrackets()
    {
        var reader = Parameters.Form("card[number]=4242424242424242&card[foo]=1");

        Assert.Equal("4242424242424242", reader.GetObject("card")!.GetString("number"));
        var error = reader.Complete();

        Assert.Equal("Received unknown parameter: card[foo]", error?.Message);
        Assert.Equal("card[foo]", error?.Param);
    }

    [Fact]
    public void Complete_WithAnUnreadHash_NamesTheHashItself()
    {
        var reader = Parameters.Form("shipping[name]=Jenny&shipping[address][line1]=x");

        Assert.Equal("shipping", reader.Complete()?.Param);
    }

    [Fact]
    public void Complete_WithAnUnknownAndAnInvalidParameter_ReportsTheUnknownFirst()
    {
        var reader = Parameters.Form("amount=abc&foo=1");

        Assert.Null(reader.GetLong("amount"));

        Assert.Equal("foo", reader.Complete()?.Param);
    }

    [Fact]
    public void Complete_WhenEverythingWasRead_ReportsNothing()
    {
        var reader = Parameters.Form("amount=100&currency=usd&metadata[a]=b&expand[]=customer");

        reader.GetRequiredLong("amount");
        reader.GetRequiredString("currency");
        reader.GetHash("metadata");
        reader.GetStringList("expand");

        Assert.Null(reader.Complete());
    }

    [Fact]
    public void RequiredParameter_WhenAbsent_IsMissing()
    {
        var reader = Parameters.Form("currency=usd");

        Assert.Equal(0, reader.GetRequiredLong("amount"));
        reader.GetRequiredString("currency");
        var error = reader.Complete();

        Assert.Equal("Missing required param: amount.", error?.Message);
        Assert.Equal("amount", error?.Param);
        Assert.Equal("parameter_missing", error?.Code);
    }

    [Fact]
    public void NestedRequiredParameter_WhenAbsent_IsMissingWithItsPath()
    {
        var reader = Parameters.Form("card[exp_month]=12");

        var card = reader.GetObject("card")!;
        card.GetLong("exp_month");
        card.GetRequiredString("number");

        Assert.Equal("Missing required param: card[number].", reader.Complete()?.Message);
    }

    [Fact]
    public void TypedRead_OfAnEmptyValue_RefusesItInStripesWords()
    {
        var reader = Parameters.Form("customer=");

        Assert.Null(reader.GetString("customer"));

        Assert.Equal(
            "You passed an empty string for 'customer'. We assume empty values are an attempt to unset a parameter; however 'customer' cannot be unset. You should remove 'customer' from your request or supply a non-empty value.",
            reader.Complete()?.Message);
    }

    [Fact]
    public void Unset_OfAnEmptyValue_TakesItAndReportsNothing()
    {
        var reader = Parameters.Form("description=&email=a%40b.c");

        Assert.True(reader.Unset("description"));
        Assert.False(reader.Unset("email"));
        Assert.False(reader.Unset("name"));
        Assert.Equal("a@b.c", reader.GetString("email"));

        Assert.Null(reader.Complete());
    }

    [Theory]
    [InlineData("amount=abc", "Invalid integer: abc")]
    [InlineData("amount=1.5", "Invalid integer: 1.5")]
    [InlineData("amount=99999999999999999999", "Invalid integer: 99999999999999999999")]
    [InlineData("amount=-1", "This value must be greater than or equal to 0.")]
    [InlineData("amount[x]=1", "Invalid integer")]
    public void GetLong_OfAnInvalidValue_FailsWithTheParam(string body, string message)
    {
        var reader = Parameters.Form(body);

        Assert.Null(reader.GetLong("amount", minimum: 0));
        var error = reader.Complete();

        Assert.Equal(message, error?.Message);
        Assert.Equal("amount", error?.Param);
    }

    [Theory]
    [InlineData("capture=true", true)]
    [InlineData("capture=false", false)]
    public void GetBoolean_OfTrueOrFalse_ReadsIt(string body, bool expected)
    {
        var reader = Parameters.Form(body);

        Assert.Equal(expected, reader.GetBoolean("capture"));
        Assert.Null(reader.Complete());
    }

    [Fact]
    public void GetBoolean_OfAnythingElse_Fails()
    {
        var reader = Parameters.Form("capture=yes");

        Assert.Null(reader.GetBoolean("capture"));

        Assert.Equal("Invalid boolean: yes", reader.Complete()?.Message);
    }

    [Fact]
    public void GetEnum_OfAValueNotListed_ListsTheAllowedValues()
    {
        var reader = Parameters.Form("payment_method_options[card][capture_method]=later");

        var card = reader.GetObject("payment_method_options")!.GetObject("card")!;
        Assert.Null(card.GetEnum("capture_method", "automatic", "automatic_async", "manual"));
        var error = reader.Complete();

        Assert.Equal("Invalid payment_method_options[card][capture_method]: must be one of automatic, automatic_async, or manual", error?.Message);
        Assert.Equal("payment_method_options[card][capture_method]", error?.Param);
    }

    [Fact]
    public void GetString_LongerThanTheLimit_Fails()
    {
        var reader = Parameters.Form("description=" + new string('x', 5001));

        Assert.Null(reader.GetString("description"));

        Assert.Equal("Invalid string: description must be at most 5000 characters", reader.Complete()?.Message);
    }

    [Fact]
    public void GetTimestamp_ReadsUnixSeconds()
    {
        var reader = Parameters.Form("trial_end=1700000000");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), reader.GetTimestamp("trial_end"));
        Assert.Null(reader.Complete());
    }

    [Theory]
    [InlineData("expand[]=customer&expand[]=latest_charge")]
    [InlineData("expand[0]=customer&expand[1]=latest_charge")]
    [InlineData("expand[1]=latest_charge&expand[0]=customer")]
    public void GetStringList_AppendedOrIndexed_ReadsInIndexOrder(string body)
    {
        var reader = Parameters.Form(body);

        Assert.Equal(["customer", "latest_charge"], reader.GetStringList("expand")!);
        Assert.Null(reader.Complete());
    }

    [Fact]
    public void GetStringList_OfAPlainValue_IsNotAnArray()
    {
        var reader = Parameters.Form("expand=customer");

        Assert.Null(reader.GetStringList("expand"));

        Assert.Equal("Invalid array", reader.Complete()?.Message);
    }

    [Fact]
    public void GetObjectList_ReadsEachItemWithItsOwnUnknownParameters()
    {
        var reader = Parameters.Form("items[0][price]=price_a&items[1][price]=price_b&items[1][quantity]=2&items[1][foo]=x");

        var items = reader.GetObjectList("items")!;
        var prices = items.Select(item => item.GetString("price")).ToList();
        var quantities = items.Select(item => item.GetLong("quantity")).ToList();

        Assert.Equal(["price_a", "price_b"], prices);
        Assert.Equal([null, 2L], quantities);
        Assert.Equal("items[1][foo]", reader.Complete()?.Param);
    }

    [Theory]
    [InlineData("items[1][price]=p")]
    [InlineData("items[0][price]=p&items[2][price]=q")]
    [InlineData("items[99999999][price]=p")]
    public void GetObjectList_WithGapsOrHugeIndexes_IsRefused(string body)
    {
        var reader = Parameters.Form(body);

        Assert.Null(reader.GetObjectList("items"));
        var error = reader.Complete();

        Assert.Equal("items", error?.Param);
        Assert.Equal("Invalid array: the indexes of items must run from 0 with no gaps", error?.Message);
    }

    [Theory]
    [InlineData("items[a][price]=p")]
    [InlineData("items[01][price]=p")]
    public void GetObjectList_WithNonIndexKeys_IsNotAnArray(string body)
    {
        var reader = Parameters.Form(body);

        Assert.Null(reader.GetObjectList("items"));

        Assert.Equal("Invalid array", reader.Complete()?.Message);
    }

    [Fact]
    public void GetObjectList_OfPlainValues_IsNotAListOfObjects()
    {
        var reader = Parameters.Form("items[0]=price_a&items[1]=price_b");

        Assert.Null(reader.GetObjectList("items"));
        var error = reader.Complete();

        Assert.Equal("Invalid object", error?.Message);
        Assert.Equal("items[0]", error?.Param);
    }

    [Fact]
    public void GetHash_WithIntegerKeys_KeepsThemAsKeys()
    {
        var reader = Parameters.Form("metadata[0]=zero&metadata[7]=seven");

        var metadata = reader.GetHash("metadata")!;

        Assert.Equal("zero", metadata["0"]);
        Assert.Equal("seven", metadata["7"]);
        Assert.Null(reader.Complete());
    }

    [Fact]
    public void GetObject_OfAPlainValue_IsNotAnObject()
    {
        var reader = Parameters.Form("card=tok_visa");

        Assert.Null(reader.GetObject("card"));

        Assert.Equal("Invalid object", reader.Complete()?.Message);
    }

    [Fact]
    public void Reader_AfterAParseError_ReportsTheParseErrorAndReadsNothing()
    {
        var reader = Parameters.Form("a=1&a[b]=2");

        Assert.Null(reader.GetString("a"));

        Assert.Equal("a", reader.Complete()?.Param);
        Assert.True(reader.Failed);
    }
}
