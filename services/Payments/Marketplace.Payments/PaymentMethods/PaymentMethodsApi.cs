using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Events;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Payments.Customers;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Vault;
using Npgsql;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// Stripe's payment method endpoints under <c>/v1/payment_methods</c>: create, retrieve, update, list, attach and
/// detach, each scoped to the account the request acts on (<see cref="RequestContext.AccountId"/>). A card's number
/// goes to the vault the moment it is read; only what Stripe shows of a card is stored beside the method.
/// </summary>
public static class PaymentMethodsApi
{
    const string ObjectName = "payment_method";
    const string ListUrl = "/v1/payment_methods";

    public static IEndpointRouteBuilder MapPaymentMethodsApi(this IEndpointRouteBuilder endpoints)
    {
        var methods = endpoints.MapGroup(ListUrl).WithTags("payment_methods");
        methods.MapPost("", CreateAsync).WithSummary("Create a payment method").WithParameters(PaymentMethodParameters.Create);
        methods.MapGet("", ListAsync).WithSummary("List payment methods, newest first").WithParameters(PaymentMethodParameters.List);
        methods.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a payment method");
        methods.MapPost("/{id}", UpdateAsync).WithSummary("Update a payment method").WithParameters(PaymentMethodParameters.Update);
        methods.MapPost("/{id}/attach", AttachAsync).WithSummary("Attach a payment method to a customer").WithParameters(PaymentMethodParameters.Attach);
        methods.MapPost("/{id}/detach", DetachAsync).WithSummary("Detach a payment method from its customer");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CardVault vault, IAcquirer acquirer, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var type = parameters.GetRequiredEnum("type", PaymentMethodTypes.All);
        var card = type == PaymentMethodTypes.Card ? CardDetails.Read(parameters, now) : null;
        var iban = type == PaymentMethodTypes.SepaDebit ? Iban.Read(parameters) : null;
        var redirect = PaymentMethodTypes.Redirects(type) ? ReadRedirectMethod(parameters, type) : null;
        var billing = BillingDetailsUpdate.Apply(parameters, new BillingDetails());
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        metadata.TryApply(new Dictionary<string, string>(), out var pairs, out _);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = (card, iban) switch
        {
            ({ } number, _) => await InsertAsync(transaction, context, vault, acquirer, number, billing, pairs!, now, cancellationToken),
            (_, { } account) => await InsertAsync(transaction, context, vault, account, billing, pairs!, now, cancellationToken),
            _ => await InsertAsync(transaction, context, redirect! with { BillingDetails = billing, Metadata = pairs! }, cancellationToken),
        };
        await transaction.CommitAsync(cancellationToken);
        return Json(StripeJson.Serialize(created));
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CardVault vault, IAcquirer acquirer,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (TestPaymentMethods.TryFindPaymentMethod(id, out _))
        {
            // Stripe answers a test id with a new payment method made from its card, unattached.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var method = await CreateFromTestIdAsync(transaction, context, vault, acquirer, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Json(StripeJson.Serialize(method!));
        }

        return await PaymentMethodStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } found
            ? Json(StripeJson.Serialize(found))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await PaymentMethodStore.LockAsync(transaction, context.AccountId, id, cancellationToken);
        var billing = BillingDetailsUpdate.Apply(parameters, current?.BillingDetails ?? new BillingDetails());
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (current is null)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (current.Customer is null)
        {
            return StripeError.InvalidRequest("You must save this PaymentMethod to a customer before you can update it.").ToResult();
        }

        if (!metadata.TryApply(current.Metadata, out var pairs, out var invalid))
        {
            return invalid.ToResult();
        }

        var updated = current with { BillingDetails = billing, Metadata = pairs };
        var json = StripeJson.Serialize(updated);
        if (PreviousAttributes.Between(StripeJson.Serialize(current), json) is not { } previous)
        {
            return Json(json);
        }

        await PaymentMethodStore.UpdateAsync(transaction, context.AccountId, updated, cancellationToken);
        await PaymentMethodEvents.PublishAsync(transaction, context, PaymentMethodEvents.Updated, json, previous, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(json);
    }

    static async Task<IResult> AttachAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CardVault vault, IAcquirer acquirer,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var customerId = parameters.GetRequiredString("customer");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (await CustomerStore.FindAsync(dataSource, context.AccountId, customerId, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("customer", customerId, "customer").ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await CreateFromTestIdAsync(transaction, context, vault, acquirer, id, cancellationToken)
            ?? await PaymentMethodStore.LockAsync(transaction, context.AccountId, id, cancellationToken);
        if (current is null)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (current.Customer == customerId)
        {
            return Json(StripeJson.Serialize(current));
        }

        if (current.Customer is not null)
        {
            return StripeError.InvalidRequest("The payment method you provided has already been attached to a customer.", "payment_method").ToResult();
        }

        if (current.Card is not null)
        {
            // Stripe checks a card with the issuer before saving it for later: a card that declines is not attached.
            var sealedCard = await VaultStore.GetAsync(transaction, await PaymentMethodStore.VaultEntryIdAsync(transaction, current.Id, cancellationToken), cancellationToken);
            var verification = await acquirer.AuthorizeAsync(
                new AuthorizationRequest(vault.Open(sealedCard), null, 0, "usd", IsVerification: true), cancellationToken);
            if (verification.Decline is { } decline)
            {
                return (StripeError.Card(decline.Message, decline.Code, decline.DeclineCode) with { PaymentMethod = current }).ToResult();
            }
        }

        var attached = current with { Customer = customerId };
        var json = StripeJson.Serialize(attached);
        await PaymentMethodStore.UpdateAsync(transaction, context.AccountId, attached, cancellationToken);
        await PaymentMethodEvents.PublishAsync(transaction, context, PaymentMethodEvents.Attached, json, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(json);
    }

    static async Task<IResult> DetachAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await PaymentMethodStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (current.Customer is null)
        {
            return StripeError.InvalidRequest($"The payment method {id} is not attached to a customer.").ToResult();
        }

        var detached = current with { Customer = null };
        var json = StripeJson.Serialize(detached);
        await PaymentMethodStore.UpdateAsync(transaction, context.AccountId, detached, cancellationToken);
        await ClearCustomerDefaultAsync(transaction, context, current.Customer, id, cancellationToken);
        await PaymentMethodEvents.PublishAsync(
            transaction, context, PaymentMethodEvents.Detached, json, PreviousAttributes.Between(StripeJson.Serialize(current), json), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(json);
    }

    /// <summary>A detached method stops being its customer's default, as Stripe clears it, with a <c>customer.updated</c>.</summary>
    static async Task ClearCustomerDefaultAsync(
        NpgsqlTransaction transaction, RequestContext context, string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        if (await CustomerStore.LockAsync(transaction, context.AccountId, customerId, cancellationToken) is not { } customer
            || customer.InvoiceSettings.DefaultPaymentMethod != paymentMethodId)
        {
            return;
        }

        var updated = customer with { InvoiceSettings = customer.InvoiceSettings with { DefaultPaymentMethod = null } };
        var json = StripeJson.Serialize(updated);
        await CustomerStore.UpdateAsync(transaction, context.AccountId, updated, cancellationToken);
        await CustomerEvents.PublishAsync(
            transaction, context, CustomerEvents.Updated, json, PreviousAttributes.Between(StripeJson.Serialize(customer), json), cancellationToken);
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var customer = parameters.GetString("customer");
        var type = parameters.GetEnum("type", PaymentMethodTypes.All);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (customer is not null && await CustomerStore.FindAsync(dataSource, context.AccountId, customer, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("customer", customer, "customer").ToResult();
        }

        if (query.Cursor is { } cursor && !await PaymentMethodStore.ExistsAsync(dataSource, context.AccountId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await PaymentMethodStore.ListAsync(dataSource, context.AccountId, query.ToSql(), customer, type, cancellationToken);
        return StripeJson.Result(query.ToPage(rows, ListUrl));
    }

    /// <summary>
    /// When <paramref name="id"/> is one of Stripe's test ids (<c>pm_card_visa</c>…), a new unattached payment method
    /// made from its card, as Stripe makes one for each use of the id; null for any other id.
    /// </summary>
    internal static async Task<PaymentMethod?> CreateFromTestIdAsync(
        NpgsqlTransaction transaction, RequestContext context, CardVault vault, IAcquirer acquirer, string id, CancellationToken cancellationToken)
    {
        if (!TestPaymentMethods.TryFindPaymentMethod(id, out var card))
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        return await InsertAsync(transaction, context with { IdempotencyKey = null }, vault, acquirer,
            CardDetails.ForTestCard(card, now), new BillingDetails(), new Dictionary<string, string>(), now, cancellationToken);
    }

    /// <summary>
    /// An iDEAL, Bancontact or PayPal method as <c>type</c> and its hash give it: only <c>ideal[bank]</c> can be
    /// chosen; PayPal fills its hash when a payment is authorised.
    /// </summary>
    static PaymentMethod ReadRedirectMethod(ParameterReader parameters, string type)
    {
        var details = parameters.GetObject(type);
        var bank = type == PaymentMethodTypes.Ideal ? details?.GetEnum("bank", [.. IdealBanks.Bics.Keys.Order(StringComparer.Ordinal)]) : null;
        var now = DateTimeOffset.UtcNow;
        return new PaymentMethod
        {
            Id = PrefixedId.New("pm", now),
            Type = type,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
            Ideal = type == PaymentMethodTypes.Ideal ? new PaymentMethodIdeal(bank, bank is null ? null : IdealBanks.Bics[bank]) : null,
            Bancontact = type == PaymentMethodTypes.Bancontact ? new PaymentMethodBancontact() : null,
            Paypal = type == PaymentMethodTypes.Paypal ? new PaymentMethodPaypal(null, null, null) : null,
        };
    }

    /// <summary>A redirect method has nothing to seal: it is stored as it is, unless the Idempotency-Key already stored one.</summary>
    static async Task<PaymentMethod> InsertAsync(NpgsqlTransaction transaction, RequestContext context, PaymentMethod method, CancellationToken cancellationToken) =>
        await PaymentMethodStore.InsertAsync(transaction, context.AccountId, method, null, context.IdempotencyKey, cancellationToken) ?? method;

    /// <summary>Checks what the payer gave with the issuer, then seals the number and stores the method.</summary>
    internal static async Task<PaymentMethod> InsertAsync(
        NpgsqlTransaction transaction, RequestContext context, CardVault vault, IAcquirer acquirer, CardDetails card,
        BillingDetails billing, IReadOnlyDictionary<string, string> metadata, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = acquirer.Inspect(card.Number);
        var checks = acquirer.Verify(card.Number, card.Cvc, billing.Address.Line1, billing.Address.PostalCode);
        var fingerprint = vault.Fingerprint(card.Number);
        var method = new PaymentMethod
        {
            Id = PrefixedId.New("pm", now),
            Type = "card",
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
            BillingDetails = billing,
            Metadata = metadata,
            Card = new PaymentMethodCard
            {
                Brand = profile.Brand,
                DisplayBrand = profile.Brand,
                Checks = new CardChecks(checks.AddressLine1, checks.AddressPostalCode, checks.Cvc),
                Country = profile.Country,
                ExpMonth = card.ExpMonth,
                ExpYear = card.ExpYear,
                Fingerprint = fingerprint,
                Funding = profile.Funding,
                Last4 = card.Number[^4..],
                Networks = new CardNetworks([profile.Brand], null),
                ThreeDSecureUsage = new CardThreeDSecureUsage(profile.ThreeDSecure != ThreeDSecureRequirement.NotSupported),
                Wallet = card.Wallet is null ? null : CardWallet.Simulated(card.Wallet, fingerprint),
            },
        };
        var stored = await StoreAsync(transaction, context, vault, method, card.Number, cancellationToken);
        if (TestPaymentMethods.IsSetUpFromTheStart(card.Number))
        {
            await PaymentMethodStore.MarkSetUpForOffSessionAsync(transaction, context.AccountId, stored.Id, cancellationToken);
        }

        return stored;
    }

    /// <summary>The same for an IBAN: nothing to ask a bank before the first debit, whose mandate is a later slice's.</summary>
    static Task<PaymentMethod> InsertAsync(
        NpgsqlTransaction transaction, RequestContext context, CardVault vault, Iban iban,
        BillingDetails billing, IReadOnlyDictionary<string, string> metadata, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var method = new PaymentMethod
        {
            Id = PrefixedId.New("pm", now),
            Type = "sepa_debit",
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
            BillingDetails = billing,
            Metadata = metadata,
            SepaDebit = new PaymentMethodSepaDebit
            {
                BankCode = iban.BankCode,
                BranchCode = iban.BranchCode,
                Country = iban.Country,
                Fingerprint = vault.Fingerprint(iban.Value),
                Last4 = iban.Last4,
            },
        };
        return StoreAsync(transaction, context, vault, method, iban.Value, cancellationToken);
    }

    /// <summary>
    /// Seals <paramref name="secret"/> (the card number or IBAN) and stores the method beside it, unless a create with
    /// the same Idempotency-Key already stored one: then that one is returned and this attempt's sealed copy removed.
    /// </summary>
    static async Task<PaymentMethod> StoreAsync(
        NpgsqlTransaction transaction, RequestContext context, CardVault vault, PaymentMethod method, string secret, CancellationToken cancellationToken)
    {
        var vaultEntryId = await VaultStore.InsertAsync(transaction, vault.Seal(secret), cancellationToken);
        if (await PaymentMethodStore.InsertAsync(transaction, context.AccountId, method, vaultEntryId, context.IdempotencyKey, cancellationToken) is { } first)
        {
            await VaultStore.DeleteAsync(transaction, vaultEntryId, cancellationToken);
            return first;
        }

        return method;
    }

    /// <summary>Answers with JSON already rendered, so that the response and the event carry the very same text.</summary>
    static IResult Json(string json) => Results.Content(json, "application/json", Encoding.UTF8);
}
