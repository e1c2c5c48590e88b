using System.Net;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary><c>sepa_debit</c> payment methods: the IBAN checked and vaulted, what Stripe shows of it rendered.</summary>
public sealed class SepaDebitPaymentMethodTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    static PaymentMethodCreateOptions Sepa(string iban) => new()
    {
        Type = "sepa_debit",
        SepaDebit = new PaymentMethodSepaDebitOptions { Iban = iban },
        BillingDetails = new PaymentMethodBillingDetailsOptions { Name = "Jenny Rosen", Email = "jenny@example.com" },
    };

    [Theory]
    [InlineData("DE89370400440532013000", "DE", "37040044", null, "3000")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE", "37040044", null, "3000")]
    [InlineData("FR1420041010050500013M02606", "FR", "20041", "01005", "2606")]
    [InlineData("NL39RABO0300065264", "NL", "RABO", null, "5264")]
    public async Task Create_WithValidIban_RendersCountryBankAndLast4(string iban, string country, string bankCode, string? branchCode, string last4)
    {
        var method = await service.PaymentMethodsFor(TestContexts.NewPlatform()).CreateAsync(Sepa(iban), cancellationToken: Cancellation);

        Assert.Equal("sepa_debit", method.Type);
        Assert.Null(method.Card);
        Assert.Equal(country, method.SepaDebit.Country);
        Assert.Equal(bankCode, method.SepaDebit.BankCode);
        Assert.Equal(branchCode, method.SepaDebit.BranchCode);
        Assert.Equal(last4, method.SepaDebit.Last4);
        Assert.Matches("^[0-9A-Za-z]{16}$", method.SepaDebit.Fingerprint);
    }

    [Fact]
    public async Task Create_SameIbanTwice_GivesOneFingerprint()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());

        var first = await methods.CreateAsync(Sepa("DE89370400440532013000"), cancellationToken: Cancellation);
        var spaced = await methods.CreateAsync(Sepa("de89 3704 0044 0532 0130 00"), cancellationToken: Cancellation);
        var other = await methods.CreateAsync(Sepa("DE62370400440532013001"), cancellationToken: Cancellation);

        Assert.Equal(first.SepaDebit.Fingerprint, spaced.SepaDebit.Fingerprint);
        Assert.NotEqual(first.SepaDebit.Fingerprint, other.SepaDebit.Fingerprint);
    }

    [Theory]
    [InlineData("DE89370400440532013001")]
    [InlineData("DE00370400440532013000")]
    [InlineData("XX")]
    public async Task Create_WithInvalidIban_IsAnInvalidRequestNamingTheParameter(string iban)
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());

        var error = await Assert.ThrowsAsync<StripeException>(() => methods.CreateAsync(Sepa(iban), cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("invalid_bank_account_iban", error.StripeError.Code);
        Assert.Equal("sepa_debit[iban]", error.StripeError.Param);
    }

    [Fact]
    public async Task Attach_SepaDebit_AttachesAndListsByType()
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var methods = service.PaymentMethodsFor(context);
        var sepa = await methods.CreateAsync(Sepa("DE89370400440532013000"), cancellationToken: Cancellation);
        await methods.AttachAsync(sepa.Id, new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);
        await methods.AttachAsync("pm_card_visa", new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);

        var listed = await methods.ListAsync(new PaymentMethodListOptions { Customer = customer.Id, Type = "sepa_debit" }, cancellationToken: Cancellation);

        Assert.Equal([sepa.Id], listed.Data.Select(m => m.Id));
        Assert.Equal(customer.Id, listed.Data[0].CustomerId);
    }

    [Fact]
    public async Task Create_SepaDebit_KeepsTheIbanOutOfResponsesAndColumns()
    {
        const string Iban = "DE89370400440532013000";
        using var client = service.ClientFor(TestContexts.NewPlatform());

        using var response = await Http.PostAsync(client, "/v1/payment_methods", ("type", "sepa_debit"), ("sepa_debit[iban]", Iban));
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Iban, body);
        Assert.DoesNotContain("\"card\"", body);
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM payment_methods p WHERE p::text LIKE '%' || @iban || '%'", connection);
        command.Parameters.AddWithValue("iban", Iban);
        Assert.Equal(0L, await command.ExecuteScalarAsync(Cancellation));
    }
}
