using System.Security.Cryptography;
using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Money;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Customers;
using Marketplace.Payments.Mandates;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Vault;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Stripe's setup intent endpoints under <c>/v1/setup_intents</c>: create, retrieve, update, confirm, cancel and
/// list, each scoped to the account the request acts on (<see cref="RequestContext.AccountId"/>). A request that
/// fails validation changes nothing; a confirm whose attempt fails records the failure and answers with it.
/// </summary>
public static class SetupIntentsApi
{
    const string ObjectName = "setup_intent";
    const string ListUrl = "/v1/setup_intents";

    public static IEndpointRouteBuilder MapSetupIntentsApi(this IEndpointRouteBuilder endpoints)
    {
        var intents = endpoints.MapGroup(ListUrl).WithTags("setup_intents");
        intents.MapPost("", CreateAsync).WithSummary("Create a setup intent").WithParameters(SetupIntentParameters.Create);
        intents.MapGet("", ListAsync).WithSummary("List setup intents, newest first").WithParameters(SetupIntentParameters.List);
        intents.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a setup intent").WithParameters(SetupIntentParameters.Retrieve);
        intents.MapPost("/{id}", UpdateAsync).WithSummary("Update a setup intent").WithParameters(SetupIntentParameters.Update);
        intents.MapPost("/{id}/confirm", ConfirmAsync).WithSummary("Confirm a setup intent").WithParameters(SetupIntentParameters.Confirm);
        intents.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a setup intent").WithParameters(SetupIntentParameters.Cancel);
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages, CardVault vault, IAcquirer acquirer,
        AuthenticationChallenges challenges, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var fields = SetupIntentFields.Read(parameters);
        var confirm = parameters.GetBoolean("confirm") ?? false;
        var returnUrl = ReadReturnUrl(parameters);
        var usage = parameters.GetEnum("usage", "off_session", "on_session") ?? "off_session";
        var automatic = ReadAutomaticPaymentMethods(parameters, fields.PaymentMethodTypes is not null);
        ReadSingleUse(parameters);
        var mandate = MandateRequest.Read(parameters, context, request);
        var expand = ExpansionTree.Read(parameters, SetupIntentExpansion.Expandable);
        if (returnUrl is not null && !confirm)
        {
            parameters.Fail(StripeError.InvalidRequest("You can only specify `return_url` when `confirm` is true.", "return_url"));
        }

        if (!mandate.IsEmpty && !confirm)
        {
            var name = mandate.MandateId is null ? "mandate_data" : "mandate";
            parameters.Fail(StripeError.InvalidRequest($"You can only specify `{name}` when `confirm` is true.", name));
        }

        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (fields.Customer is { } customerId && await CustomerStore.FindAsync(dataSource, context.AccountId, customerId, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("customer", customerId, "customer").ToResult();
        }

        var metadata = new Dictionary<string, string>();
        if (!fields.Metadata.TryApply(metadata, out var pairs, out var invalid))
        {
            return invalid.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var id = PrefixedId.New("seti", now);
        var types = fields.PaymentMethodTypes
            ?? [.. PaymentMethodTypes.All.Where(type => automatic is not { AllowRedirects: "never" } || !PaymentMethodTypes.Redirects(type))];
        var intent = new SetupIntent
        {
            Id = id,
            AllowedPaymentMethodTypes = types,
            AutomaticPaymentMethods = automatic,
            ClientSecret = $"{id}_secret_{Secret()}",
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
            Customer = fields.Customer,
            Description = fields.Description,
            FlowDirections = fields.FlowDirections,
            Metadata = pairs!,
            PaymentMethodOptions = new SetupIntentPaymentMethodOptions { Card = types.Contains(PaymentMethodTypes.Card) ? new SetupIntentCardOptions() : null },
            PaymentMethodTypes = types,
            Status = SetupIntentStatus.RequiresPaymentMethod,
            Usage = usage,
        };

        PaymentMethod? method = null;
        if (fields.PaymentMethod is { } methodId)
        {
            if (await FindPaymentMethodAsync(transaction, context, vault, acquirer, methodId, cancellationToken) is not { } found)
            {
                return StripeError.ResourceMissing("payment_method", methodId, "payment_method").ToResult();
            }

            if (Incompatible(intent, found, returnUrl, confirm) is { } incompatible)
            {
                return incompatible.ToResult();
            }

            (method, intent) = (found, intent with { PaymentMethod = found.Id, Status = SetupIntentStatus.RequiresConfirmation });
        }
        else if (confirm)
        {
            return MissingPaymentMethod().ToResult();
        }

        if (await SetupIntentStore.InsertAsync(transaction, context.PlatformId, context.AccountId, intent, context.IdempotencyKey, cancellationToken) is { } first)
        {
            // A replayed create: the intent the first request made, as it is now, and nothing new.
            await transaction.RollbackAsync(cancellationToken);
            return await ResultAsync(dataSource, pages, context, first.Intent, expand, cancellationToken);
        }

        var change = SetupIntentChange.From(context);
        await SetupIntentEvents.PublishAsync(transaction, change, SetupIntentEvents.Created, StripeJson.Serialize(intent), cancellationToken);
        var (result, failure) = (intent, (StripeError?)null);
        if (confirm)
        {
            var chosen = await DebitMandates.ForSetupAsync(transaction, context.PlatformId, context.AccountId, method!, mandate, cancellationToken);
            if (chosen.Error is { } noMandate)
            {
                return noMandate.ToResult();
            }

            (result, failure) = await new SetupIntentConfirmation(transaction, change, vault, acquirer, challenges)
                .ConfirmAsync(intent with { Mandate = chosen.MandateId }, method!, returnUrl, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return failure?.ToResult() ?? await ResultAsync(dataSource, pages, context, result, expand, cancellationToken);
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var clientSecret = parameters.GetString("client_secret", 200);
        var expand = ExpansionTree.Read(parameters, SetupIntentExpansion.Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (await SetupIntentStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is not { } stored)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var intent = stored.Intent;
        return ClientSecretError(context, intent, clientSecret) is { } refused
            ? refused.ToResult()
            : await ResultAsync(dataSource, pages, context, intent, expand, cancellationToken);
    }

    static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages, CardVault vault,
        IAcquirer acquirer, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var fields = SetupIntentFields.Read(parameters);
        var expand = ExpansionTree.Read(parameters, SetupIntentExpansion.Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (fields.Customer is { } customerId && await CustomerStore.FindAsync(dataSource, context.AccountId, customerId, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("customer", customerId, "customer").ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await SetupIntentStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } stored)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var current = stored.Intent;
        var changesAttempt = fields.Customer is not null || fields.PaymentMethod is not null || fields.PaymentMethodTypes is not null || fields.FlowDirections is not null;
        if (changesAttempt && !SetupIntentStatus.IsOpen(current.Status))
        {
            return UnexpectedState("update", current).ToResult();
        }

        if (!fields.Metadata.TryApply(current.Metadata, out var pairs, out var invalid))
        {
            return invalid.ToResult();
        }

        var types = fields.PaymentMethodTypes ?? current.PaymentMethodTypes;
        var updated = current with
        {
            Customer = fields.Customer ?? current.Customer,
            Description = fields.ClearDescription ? null : fields.Description ?? current.Description,
            Metadata = pairs!,
            FlowDirections = fields.FlowDirections ?? current.FlowDirections,
            AllowedPaymentMethodTypes = types,
            PaymentMethodTypes = types,
            AutomaticPaymentMethods = fields.PaymentMethodTypes is null ? current.AutomaticPaymentMethods : null,
            PaymentMethodOptions = new SetupIntentPaymentMethodOptions { Card = types.Contains(PaymentMethodTypes.Card) ? new SetupIntentCardOptions() : null },
        };
        var challengeId = stored.ChallengeId;
        if (fields.PaymentMethod is { } methodId)
        {
            if (await FindPaymentMethodAsync(transaction, context, vault, acquirer, methodId, cancellationToken) is not { } method)
            {
                return StripeError.ResourceMissing("payment_method", methodId, "payment_method").ToResult();
            }

            if (Incompatible(updated, method, null, confirm: false) is { } incompatible)
            {
                return incompatible.ToResult();
            }

            // A new method abandons the attempt waiting in requires_action, as on Stripe.
            (updated, challengeId) = (updated with { PaymentMethod = method.Id, Status = SetupIntentStatus.RequiresConfirmation, NextAction = null }, null);
        }

        if (StripeJson.Serialize(updated) != StripeJson.Serialize(current))
        {
            // Stripe announces no setup_intent.updated: a change made here is seen by the next event about the intent.
            await SetupIntentStore.UpdateAsync(transaction, context.AccountId, updated, challengeId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await ResultAsync(dataSource, pages, context, updated, expand, cancellationToken);
    }

    static async Task<IResult> ConfirmAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages, CardVault vault,
        IAcquirer acquirer, AuthenticationChallenges challenges, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var methodId = parameters.GetString("payment_method", 100);
        var clientSecret = parameters.GetString("client_secret", 200);
        var returnUrl = ReadReturnUrl(parameters);
        var mandate = MandateRequest.Read(parameters, context, request);
        var expand = ExpansionTree.Read(parameters, SetupIntentExpansion.Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await SetupIntentStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } stored)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var intent = stored.Intent;
        if (ClientSecretError(context, intent, clientSecret) is { } refused)
        {
            return refused.ToResult();
        }

        if (!SetupIntentStatus.IsOpen(intent.Status))
        {
            return UnexpectedState("confirm", intent).ToResult();
        }

        if ((methodId ?? intent.PaymentMethod) is not { } chosen)
        {
            return MissingPaymentMethod().ToResult();
        }

        if (await FindPaymentMethodAsync(transaction, context, vault, acquirer, chosen, cancellationToken) is not { } method)
        {
            return StripeError.ResourceMissing("payment_method", chosen, "payment_method").ToResult();
        }

        if (Incompatible(intent, method, returnUrl, confirm: true) is { } incompatible)
        {
            return incompatible.ToResult();
        }

        var mandateChoice = await DebitMandates.ForSetupAsync(transaction, context.PlatformId, context.AccountId, method, mandate, cancellationToken);
        if (mandateChoice.Error is { } noMandate)
        {
            return noMandate.ToResult();
        }

        var (result, failure) = await new SetupIntentConfirmation(transaction, SetupIntentChange.From(context), vault, acquirer, challenges)
            .ConfirmAsync(intent with { Mandate = mandateChoice.MandateId }, method, returnUrl, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failure?.ToResult() ?? await ResultAsync(dataSource, pages, context, result, expand, cancellationToken);
    }

    static async Task<IResult> CancelAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var reason = parameters.GetEnum("cancellation_reason", "abandoned", "requested_by_customer", "duplicate");
        var expand = ExpansionTree.Read(parameters, SetupIntentExpansion.Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await SetupIntentStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } stored)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var intent = stored.Intent;
        if (!SetupIntentStatus.IsOpen(intent.Status))
        {
            return UnexpectedState("cancel", intent).ToResult();
        }

        var canceled = intent with { Status = SetupIntentStatus.Canceled, CancellationReason = reason, NextAction = null };
        await SetupIntentStore.UpdateAsync(transaction, context.AccountId, canceled, null, cancellationToken);
        await SetupIntentEvents.PublishAsync(transaction, SetupIntentChange.From(context), SetupIntentEvents.Canceled, StripeJson.Serialize(canceled), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ResultAsync(dataSource, pages, context, canceled, expand, cancellationToken);
    }

    static async Task<IResult> ListAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var customer = parameters.GetString("customer", 100);
        var paymentMethod = parameters.GetString("payment_method", 100);
        var expand = ExpansionTree.Read(parameters, SetupIntentExpansion.Expandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (query.Cursor is { } cursor && !await SetupIntentStore.ExistsAsync(dataSource, context.AccountId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await SetupIntentStore.ListAsync(dataSource, context.AccountId, query.ToSql(), customer, paymentMethod, cancellationToken);
        return Json(await SetupIntentExpansion.RenderPageAsync(
            dataSource, pages.Value.PublicBaseUrl, context.AccountId, StripeJson.Serialize(query.ToPage(rows, ListUrl)), expand, cancellationToken));
    }

    /// <summary>A method of the account, or a new one made from one of Stripe's test ids (<c>pm_card_visa</c>), locked for the rest of the request.</summary>
    static async Task<PaymentMethod?> FindPaymentMethodAsync(
        NpgsqlTransaction transaction, RequestContext context, CardVault vault, IAcquirer acquirer, string id, CancellationToken cancellationToken) =>
        await PaymentMethodsApi.CreateFromTestIdAsync(transaction, context, vault, acquirer, id, cancellationToken)
        ?? await PaymentMethodStore.LockAsync(transaction, context.AccountId, id, cancellationToken);

    /// <summary>Why <paramref name="method"/> cannot be set up by <paramref name="intent"/>, or null when it can.</summary>
    static StripeError? Incompatible(SetupIntent intent, PaymentMethod method, string? returnUrl, bool confirm)
    {
        if (!intent.PaymentMethodTypes.Contains(method.Type))
        {
            return StripeError.InvalidRequest(
                $"The PaymentMethod provided ({method.Type}) is not allowed for this SetupIntent. Use a PaymentMethod of one of the following types: "
                + $"{string.Join(", ", intent.PaymentMethodTypes)}, or update the SetupIntent's allowed_payment_method_types.", "payment_method");
        }

        if (method.Customer is not null && method.Customer != intent.Customer)
        {
            return StripeError.InvalidRequest(
                $"The provided PaymentMethod {method.Id} is attached to customer {method.Customer}, not to this SetupIntent's. Set the SetupIntent's customer to it, or use another PaymentMethod.",
                "payment_method");
        }

        return confirm && returnUrl is null && PaymentMethodTypes.Redirects(method.Type)
            ? StripeError.InvalidRequest($"A return_url must be specified because a {method.Type} PaymentMethod sends the customer to a page to authorize the setup.", "return_url")
            : null;
    }

    static StripeError? ClientSecretError(RequestContext context, SetupIntent intent, string? clientSecret) =>
        ClientSecrets.Check(context, "SetupIntent", intent.ClientSecret, clientSecret);

    static StripeError MissingPaymentMethod() =>
        StripeError.InvalidRequest(
            "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method, or confirm it with one.",
            "payment_method", "setup_intent_unexpected_state");

    static StripeError UnexpectedState(string action, SetupIntent intent) =>
        StripeError.InvalidRequest($"You cannot {action} this SetupIntent because it has a status of {intent.Status}.", code: "setup_intent_unexpected_state")
            with { SetupIntent = intent };

    /// <summary>An absolute http(s) URL; Stripe also takes an app's own scheme, which a browser page cannot return to.</summary>
    static string? ReadReturnUrl(ParameterReader parameters)
    {
        var url = parameters.GetString("return_url", 2048);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            parameters.Fail(StripeError.InvalidRequest("Not a valid URL: return_url must be an absolute http or https URL.", "return_url", "url_invalid"));
        }

        return url;
    }

    /// <summary><c>automatic_payment_methods</c>, on by default when no types are named, as on Stripe; the two cannot be combined.</summary>
    static SetupIntentAutomaticPaymentMethods? ReadAutomaticPaymentMethods(ParameterReader parameters, bool typesGiven)
    {
        if (parameters.GetObject("automatic_payment_methods") is not { } automatic)
        {
            return typesGiven ? null : new SetupIntentAutomaticPaymentMethods("always", true);
        }

        var enabled = automatic.GetBoolean("enabled");
        var allowRedirects = automatic.GetEnum("allow_redirects", "always", "never");
        if (typesGiven)
        {
            parameters.Fail(ParameterErrors.Exclusive("automatic_payment_methods", "payment_method_types"));
        }

        return new SetupIntentAutomaticPaymentMethods(allowRedirects ?? "always", enabled ?? true);
    }

    /// <summary>
    /// <c>single_use[amount]</c> and <c>[currency]</c> are checked as Stripe checks them; the single-use mandate they
    /// would generate for a debit method is not made (<c>single_use_mandate</c> stays null).
    /// </summary>
    static void ReadSingleUse(ParameterReader parameters)
    {
        if (parameters.GetObject("single_use") is not { } singleUse)
        {
            return;
        }

        singleUse.GetRequiredLong("amount", 0);
        Currencies.ReadRequired(singleUse);
    }

    static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'A').Replace('/', 'B');

    /// <summary>The intent as the response shows it: its events' very text, with what <c>expand[]</c> asked written out.</summary>
    static async Task<IResult> ResultAsync(
        NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages, RequestContext context, SetupIntent intent, ExpansionTree expand,
        CancellationToken cancellationToken) =>
        Json(await SetupIntentExpansion.RenderAsync(
            dataSource, pages.Value.PublicBaseUrl, context.AccountId, StripeJson.Serialize(intent), expand, cancellationToken));

    static IResult Json(string json) => Results.Content(json, "application/json", Encoding.UTF8);
}
