using System.Collections.Frozen;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Money;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Charges;
using Marketplace.Payments.ConnectedAccounts;
using Marketplace.Payments.Customers;
using Marketplace.Payments.Events;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.PaymentSaga;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Search;
using Marketplace.Payments.Vault;
using Npgsql;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// Stripe's payment intent endpoints under <c>/v1/payment_intents</c>, scoped to the account the request acts on
/// (the platform, or a connected account for a direct charge). A confirm starts an attempt (<see cref="PaymentAttempts"/>)
/// and answers with where the payment saga left it; capture and cancel of an authorised intent go through the saga too.
/// </summary>
public static class PaymentIntentsApi
{
    const string ObjectName = "payment_intent";
    const string ListUrl = "/v1/payment_intents";
    const string SearchUrl = "/v1/payment_intents/search";

    static readonly FrozenSet<string> Expandable = FrozenSet.Create(StringComparer.Ordinal, "latest_charge");

    public static IEndpointRouteBuilder MapPaymentIntentsApi(this IEndpointRouteBuilder endpoints)
    {
        var intents = endpoints.MapGroup(ListUrl).WithTags("payment_intents");
        intents.MapPost("", CreateAsync).WithSummary("Create a payment intent (and confirm it with confirm=true)").WithParameters(PaymentIntentParameters.Create);
        intents.MapGet("", ListAsync).WithSummary("List payment intents, newest first").WithParameters(PaymentIntentParameters.List);
        intents.MapGet("/search", SearchAsync).WithSummary("Search payment intents, newest first").WithParameters(PaymentIntentParameters.Search);
        intents.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a payment intent").WithParameters(PaymentIntentParameters.Retrieve);
        intents.MapPost("/{id}", UpdateAsync).WithSummary("Update a payment intent").WithParameters(PaymentIntentParameters.Update);
        intents.MapPost("/{id}/confirm", ConfirmAsync).WithSummary("Confirm a payment intent: attempt the payment").WithParameters(PaymentIntentParameters.Confirm);
        intents.MapPost("/{id}/capture", CaptureAsync).WithSummary("Capture an authorised payment intent").WithParameters(PaymentIntentParameters.Capture);
        intents.MapPost("/{id}/increment_authorization", IncrementAuthorizationAsync)
            .WithSummary("Raise an authorised, uncaptured card payment to a new total").WithParameters(PaymentIntentParameters.IncrementAuthorization);
        intents.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a payment intent").WithParameters(PaymentIntentParameters.Cancel);
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CardVault vault, IAcquirer acquirer, PaymentIntentWaiter waiter,
        OutboxRelaySignal relay, PaymentSagaStart sagaStart, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var fields = PaymentIntentFields.Read(parameters, creating: true);
        var confirm = parameters.GetBoolean("confirm") ?? false;
        var confirmation = ConfirmationFields.Read(parameters, context, request);
        if (!confirm && !confirmation.Mandate.IsEmpty)
        {
            var name = confirmation.Mandate.MandateId is null ? "mandate_data" : "mandate";
            parameters.Fail(StripeError.InvalidRequest($"The parameter `{name}` cannot be passed when creating a PaymentIntent unless `confirm` is set to true.", name));
        }

        var expand = ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (Check(fields, fields.Amount!.Value, fields.Currency!, context) is { } invalid
            || fields.Metadata.TryApply(new Dictionary<string, string>(), out var metadata, out invalid) is false)
        {
            return invalid!.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if ((await CheckCustomerAsync(dataSource, context, fields.Customer, cancellationToken)
            ?? await ChargeEligibility.CheckAsync(transaction, context.PlatformId, context.AccountId, fields.OnBehalfOf, fields.Destination, cancellationToken))
            is { } refused)
        {
            return refused.ToResult();
        }

        PaymentMethod? method = null;
        var methodId = confirmation.PaymentMethod ?? fields.PaymentMethod;
        if (methodId is not null)
        {
            method = await PaymentMethodLookup.FindAsync(transaction, context, methodId, vault, acquirer, cancellationToken);
            if (method is null)
            {
                return StripeError.ResourceMissing("payment_method", methodId, "payment_method").ToResult();
            }
        }

        var now = DateTimeOffset.UtcNow;
        var id = PrefixedId.New("pi", now);
        var intent = new PaymentIntentRow
        {
            Id = id,
            AccountId = context.AccountId,
            PlatformId = context.PlatformId,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
            Amount = fields.Amount!.Value,
            Currency = fields.Currency!,
            Status = method is null ? PaymentIntentStatuses.RequiresPaymentMethod : PaymentIntentStatuses.RequiresConfirmation,
            CaptureMethod = fields.CaptureMethod ?? "automatic_async",
            ConfirmationMethod = fields.ConfirmationMethod ?? "automatic",
            CustomerId = fields.Customer,
            PaymentMethodId = method?.Id,
            PaymentMethodTypes = [.. fields.PaymentMethodTypes ?? ["card"]],
            SetupFutureUsage = fields.SetupFutureUsage,
            Description = fields.Description,
            ReceiptEmail = fields.ReceiptEmail,
            StatementDescriptor = fields.StatementDescriptor,
            StatementDescriptorSuffix = fields.StatementDescriptorSuffix,
            OnBehalfOf = fields.OnBehalfOf,
            Destination = fields.Destination,
            TransferAmount = fields.TransferAmount,
            ApplicationFeeAmount = fields.ApplicationFeeAmount,
            TransferGroup = fields.TransferGroup,
            ClientSecret = $"{id}_secret_{PrefixedId.New("s")[2..]}",
            RequestIncrementalAuthorization = confirmation.RequestIncrementalAuthorization,
            Metadata = StripeJson.Serialize(metadata!),
        };
        if (await PaymentIntentStore.InsertAsync(transaction, intent, context.IdempotencyKey, cancellationToken) is { } earlier)
        {
            await transaction.CommitAsync(cancellationToken);
            return await RenderAsync(dataSource, context, await waiter.WaitAsync(context.AccountId, earlier.Id, cancellationToken), expand, cancellationToken);
        }

        await ObjectEvents.PublishAsync(transaction, PaymentIntentEvents.Created, context.PlatformId, context.AccountId, intent.ToPaymentIntent(),
            context.RequestId, context.IdempotencyKey, cancellationToken);
        if (!confirm)
        {
            await transaction.CommitAsync(cancellationToken);
            return await RenderAsync(dataSource, context, intent, expand, cancellationToken);
        }

        return await ConfirmLockedAsync(
            transaction, dataSource, context, waiter, relay, sagaStart, intent, method, confirmation, expand, cancellationToken);
    }

    static async Task<IResult> ConfirmAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CardVault vault, IAcquirer acquirer,
        PaymentIntentWaiter waiter, OutboxRelaySignal relay, PaymentSagaStart sagaStart, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var confirmation = ConfirmationFields.Read(parameters, context, request);
        var clientSecret = parameters.GetString("client_secret", 200);
        var expand = ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await PaymentIntentStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } intent)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (ClientSecrets.Check(context, "PaymentIntent", intent.ClientSecret, clientSecret) is { } refused)
        {
            return refused.ToResult();
        }

        PaymentMethod? method = null;
        if ((confirmation.PaymentMethod ?? intent.PaymentMethodId) is { } methodId)
        {
            method = await PaymentMethodLookup.FindAsync(transaction, context, methodId, vault, acquirer, cancellationToken);
            if (method is null)
            {
                return StripeError.ResourceMissing("payment_method", methodId, "payment_method").ToResult();
            }
        }

        return await ConfirmLockedAsync(
            transaction, dataSource, context, waiter, relay, sagaStart, intent, method, confirmation, expand, cancellationToken);
    }

    /// <summary>Starts an attempt on an intent locked in <paramref name="transaction"/>, commits, and answers with where it rests.</summary>
    static async Task<IResult> ConfirmLockedAsync(
        NpgsqlTransaction transaction, NpgsqlDataSource dataSource, RequestContext context, PaymentIntentWaiter waiter, OutboxRelaySignal relay,
        PaymentSagaStart sagaStart, PaymentIntentRow intent,
        PaymentMethod? method, ConfirmationFields confirmation, ExpansionTree expand, CancellationToken cancellationToken)
    {
        var started = await PaymentAttempts.StartAsync(transaction, context, intent, method, confirmation, sagaStart, cancellationToken);
        if (started.Error is { } refused)
        {
            return refused.ToResult();
        }

        // Back to the pool before the wait: a confirm holding its connection for the saga's whole run would starve the
        // saga's own steps of connections under load.
        var connection = transaction.Connection!;
        await transaction.CommitAsync(cancellationToken);
        await connection.CloseAsync();
        relay.Notify();

        // A SEPA debit settles days later at Stripe, whose confirm answers processing at once; its events tell the rest.
        var rested = method!.Type == PaymentMethodTypes.SepaDebit
            ? (await PaymentIntentStore.FindAsync(dataSource, context.AccountId, intent.Id, cancellationToken))!
            : await waiter.WaitAsync(context.AccountId, intent.Id, cancellationToken);
        if (rested.Status == PaymentIntentStatuses.RequiresPaymentMethod && rested.LatestCharge == started.ChargeId && rested.LastPaymentError is { } failure)
        {
            // Stripe answers a failed attempt with its error, the intent inside it, as a card error.
            return PaymentAttempts.Failure(failure, (await RenderObjectAsync(dataSource, context, rested, ExpansionTree.None, cancellationToken))).ToResult();
        }

        return await RenderAsync(dataSource, context, rested, expand, cancellationToken);
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var clientSecret = parameters.GetString("client_secret", 200);
        var expand = ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (await PaymentIntentStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is not { } intent)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        return ClientSecrets.Check(context, "PaymentIntent", intent.ClientSecret, clientSecret) is { } refused
            ? refused.ToResult()
            : await RenderAsync(dataSource, context, intent, expand, cancellationToken);
    }

    static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CardVault vault, IAcquirer acquirer,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var fields = PaymentIntentFields.Read(parameters, creating: false);
        var expand = ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await PaymentIntentStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } intent)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var changesPayment = fields.Amount is not null || fields.Currency is not null || fields.PaymentMethod is not null
            || fields.PaymentMethodTypes is not null || fields.Customer is not null || fields.CaptureMethod is not null
            || fields.ApplicationFeeAmount is not null || fields.TransferAmount is not null;
        if (changesPayment && !PaymentIntentStatuses.Confirmable.Contains(intent.Status))
        {
            return PaymentAttempts.UnexpectedState($"You cannot update this PaymentIntent because it has a status of {intent.Status}.", intent).ToResult();
        }

        if (!fields.Metadata.TryApply(PaymentIntentMetadata(intent), out var metadata, out var invalidMetadata))
        {
            return invalidMetadata.ToResult();
        }

        var amount = fields.Amount ?? intent.Amount;
        var currency = fields.Currency ?? intent.Currency;
        if ((Check(fields with { Destination = intent.Destination, OnBehalfOf = intent.OnBehalfOf }, amount, currency, context)
            ?? await CheckCustomerAsync(dataSource, context, fields.Customer, cancellationToken)) is { } invalid)
        {
            return invalid.ToResult();
        }

        var methodId = intent.PaymentMethodId;
        if (fields.PaymentMethod is { } requested)
        {
            methodId = (await PaymentMethodLookup.FindAsync(transaction, context, requested, vault, acquirer, cancellationToken))?.Id;
            if (methodId is null)
            {
                return StripeError.ResourceMissing("payment_method", requested, "payment_method").ToResult();
            }
        }

        var updated = intent with
        {
            Amount = amount,
            Currency = currency,
            CustomerId = fields.Customer ?? intent.CustomerId,
            PaymentMethodId = methodId,
            PaymentMethodTypes = fields.PaymentMethodTypes is { } types ? [.. types] : intent.PaymentMethodTypes,
            CaptureMethod = fields.CaptureMethod ?? intent.CaptureMethod,
            Description = fields.Description ?? intent.Description,
            ReceiptEmail = fields.ReceiptEmail ?? intent.ReceiptEmail,
            StatementDescriptor = fields.StatementDescriptor ?? intent.StatementDescriptor,
            StatementDescriptorSuffix = fields.StatementDescriptorSuffix ?? intent.StatementDescriptorSuffix,
            SetupFutureUsage = fields.SetupFutureUsage ?? intent.SetupFutureUsage,
            ApplicationFeeAmount = fields.ApplicationFeeAmount ?? intent.ApplicationFeeAmount,
            TransferAmount = fields.TransferAmount ?? intent.TransferAmount,
            TransferGroup = fields.TransferGroup ?? intent.TransferGroup,
            Metadata = StripeJson.Serialize(metadata),
            Status = intent.Status == PaymentIntentStatuses.RequiresPaymentMethod && methodId is not null
                ? PaymentIntentStatuses.RequiresConfirmation
                : intent.Status,
        };
        await PaymentIntentStore.UpdateAsync(transaction, updated, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await RenderAsync(dataSource, context, updated, expand, cancellationToken);
    }

    static async Task<IResult> CaptureAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, PaymentIntentWaiter waiter, OutboxRelaySignal relay,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var amountToCapture = parameters.GetLong("amount_to_capture", 0);
        var applicationFeeAmount = parameters.GetLong("application_fee_amount", 0);
        parameters.GetBoolean("final_capture");
        var expand = ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await HandOverAsync(id, context, dataSource, waiter, relay, expand,
            (transaction, intent) => PaymentAttempts.CaptureAsync(transaction, intent, amountToCapture, applicationFeeAmount, cancellationToken),
            cancellationToken);
    }

    static async Task<IResult> IncrementAuthorizationAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IAcquirer acquirer, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var increment = AuthorizationIncrement.Read(parameters);
        var expand = ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await PaymentIntentStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } intent)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var incremented = await AuthorizationIncrements.IncrementAsync(transaction, context, intent, increment, acquirer, cancellationToken);
        if (incremented.Error is { } refused)
        {
            return refused.ToResult();
        }

        await transaction.CommitAsync(cancellationToken);
        return await RenderAsync(dataSource, context, incremented.Intent!, expand, cancellationToken);
    }

    static async Task<IResult> CancelAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, PaymentIntentWaiter waiter, OutboxRelaySignal relay,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var reason = parameters.GetEnum("cancellation_reason", "duplicate", "fraudulent", "requested_by_customer", "abandoned") ?? "requested_by_customer";
        var expand = ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await HandOverAsync(id, context, dataSource, waiter, relay, expand,
            (transaction, intent) => PaymentAttempts.CancelAsync(transaction, context, intent, reason, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Hands an intent, locked in a transaction of its own, to <paramref name="handOver"/> (a capture or a cancel, which
    /// ask the payment saga): an error leaves everything as it was; otherwise the hand-over commits, the outbox relay is
    /// woken, and the answer is the intent where the saga left it.
    /// </summary>
    static async Task<IResult> HandOverAsync(
        string id, RequestContext context, NpgsqlDataSource dataSource, PaymentIntentWaiter waiter, OutboxRelaySignal relay, ExpansionTree expand,
        Func<NpgsqlTransaction, PaymentIntentRow, Task<StripeError?>> handOver, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await PaymentIntentStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } intent)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (await handOver(transaction, intent) is { } refused)
        {
            return refused.ToResult();
        }

        await transaction.CommitAsync(cancellationToken);
        await connection.CloseAsync(); // back to the pool before the wait, as a confirm does
        relay.Notify();
        return await RenderAsync(dataSource, context, await waiter.WaitAsync(context.AccountId, id, cancellationToken), expand, cancellationToken);
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var customer = parameters.GetString("customer");
        ExpansionTree.Read(parameters, Expandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (query.Cursor is { } cursor && await PaymentIntentStore.FindAsync(dataSource, context.AccountId, cursor, cancellationToken) is null)
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await PaymentIntentStore.ListAsync(dataSource, context.AccountId, query.ToSql(), customer, cancellationToken);
        return StripeJson.Result(query.ToPage([.. rows.Select(r => r.ToPaymentIntent())], ListUrl));
    }

    static async Task<IResult> SearchAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var search = SearchRequest.Read(parameters, PaymentIntentSearchFields.All, "pi_");
        ExpansionTree.Read(parameters, Expandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var rows = await PaymentIntentStore.SearchAsync(dataSource, context.AccountId, search, cancellationToken);
        return StripeJson.Result(search.Page<PaymentIntent>([.. rows.Select(r => r.ToPaymentIntent())], SearchUrl, r => r.Id));
    }

    /// <summary>The checks of a payment's amounts and Connect shape that need no database.</summary>
    static StripeError? Check(PaymentIntentFields fields, long amount, string currency, RequestContext context)
    {
        if (ChargeAmounts.Check(amount, currency) is { } invalid)
        {
            return invalid;
        }

        if (fields.ApplicationFeeAmount is not null && fields.Destination is null && !context.IsConnectedAccount)
        {
            return StripeError.InvalidRequest(
                "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) "
                + "or destination payment (using `transfer_data[destination]`).", "application_fee_amount");
        }

        if (fields.ApplicationFeeAmount > amount)
        {
            return StripeError.InvalidRequest("The application fee amount cannot be greater than the amount of the PaymentIntent.", "application_fee_amount");
        }

        if (fields.TransferAmount > amount)
        {
            return StripeError.InvalidRequest("The transfer amount cannot be greater than the amount of the PaymentIntent.", "transfer_data[amount]");
        }

        if (fields.Destination is not null && context.IsConnectedAccount)
        {
            return StripeError.InvalidRequest("A destination charge cannot be made on a connected account (with the Stripe-Account header).", "transfer_data[destination]");
        }

        return null;
    }

    static async Task<StripeError?> CheckCustomerAsync(
        NpgsqlDataSource dataSource, RequestContext context, string? customer, CancellationToken cancellationToken) =>
        customer is not null && !await CustomerStore.ExistsAsync(dataSource, context.AccountId, customer, cancellationToken)
            ? StripeError.ResourceMissing("customer", customer, "customer")
            : null;

    static Dictionary<string, string> PaymentIntentMetadata(PaymentIntentRow intent) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(intent.Metadata, StripeJson.Options)!;

    static async Task<IResult> RenderAsync(
        NpgsqlDataSource dataSource, RequestContext context, PaymentIntentRow intent, ExpansionTree expand, CancellationToken cancellationToken) =>
        StripeJson.Result(await RenderObjectAsync(dataSource, context, intent, expand, cancellationToken));

    static async Task<PaymentIntent> RenderObjectAsync(
        NpgsqlDataSource dataSource, RequestContext context, PaymentIntentRow intent, ExpansionTree expand, CancellationToken cancellationToken)
    {
        var charge = expand.Contains("latest_charge") && intent.LatestCharge is { } chargeId
            ? (await ChargeStore.FindAsync(dataSource, context.AccountId, chargeId, cancellationToken))?.ToCharge()
            : null;
        return intent.ToPaymentIntent(charge);
    }
}
