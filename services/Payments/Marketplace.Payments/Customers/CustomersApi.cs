using Marketplace.Api.Events;
using System.Collections.Frozen;
using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Search;
using Npgsql;

namespace Marketplace.Payments.Customers;

/// <summary>
/// Stripe's customer endpoints under <c>/v1/customers</c>: create, retrieve, update, delete, list and search, each
/// scoped to the account the request acts on (<see cref="RequestContext.AccountId"/>).
/// </summary>
public static class CustomersApi
{
    const string ObjectName = "customer";
    const string ListUrl = "/v1/customers";
    const string SearchUrl = "/v1/customers/search";

    /// <summary>
    /// The customer's expandable references, as Stripe allows them. Sources and test clocks are null until their
    /// issues land; <c>invoice_settings.default_payment_method</c> is accepted but still rendered as its id, which
    /// Stripe's SDKs read as an unexpanded reference.
    /// </summary>
    static readonly FrozenSet<string> Expandable =
        FrozenSet.Create(StringComparer.Ordinal, "default_source", "invoice_settings.default_payment_method", "test_clock");

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup(ListUrl).WithTags("customers");
        customers.MapPost("", CreateAsync).WithSummary("Create a customer").WithParameters(CustomerParameters.Writable);
        customers.MapGet("", ListAsync).WithSummary("List customers, newest first").WithParameters(CustomerParameters.List);
        customers.MapGet("/search", SearchAsync).WithSummary("Search customers").WithParameters(CustomerParameters.Search);
        customers.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a customer").WithParameters(CustomerParameters.Expand);
        customers.MapPost("/{id}", UpdateAsync).WithSummary("Update a customer").WithParameters(CustomerParameters.Writable);
        customers.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a customer");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var changes = CustomerChanges.Read(parameters);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        // One instant for both, so that the id's order (lists) and created (filters, in whole seconds) agree.
        var now = DateTimeOffset.UtcNow;
        var blank = CustomerChanges.NewCustomer(PrefixedId.New("cus", now), DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
        if (!changes.TryApply(blank, out var customer, out var invalid))
        {
            return invalid.ToResult();
        }

        if (await CheckDefaultPaymentMethodAsync(dataSource, context, customer, cancellationToken) is { } notAttached)
        {
            return notAttached.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await CustomerStore.InsertAsync(transaction, context.AccountId, customer, context.IdempotencyKey, cancellationToken) is { } first)
        {
            // A replay of a create that already happened: nothing was written, and it answers with that customer.
            return first.DeletedAt is null ? Json(StripeJson.Serialize(first.ToCustomer())) : StripeJson.Result(new DeletedCustomer(first.Id));
        }

        var json = StripeJson.Serialize(customer);
        await CustomerEvents.PublishAsync(transaction, context, CustomerEvents.Created, json, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(json);
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await CustomerStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } customer
            ? Json(StripeJson.Serialize(customer))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var changes = CustomerChanges.Read(parameters);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await CustomerStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (!changes.TryApply(current, out var updated, out var invalid))
        {
            return invalid.ToResult();
        }

        if (updated.InvoiceSettings.DefaultPaymentMethod != current.InvoiceSettings.DefaultPaymentMethod
            && await CheckDefaultPaymentMethodAsync(dataSource, context, updated, cancellationToken) is { } notAttached)
        {
            return notAttached.ToResult();
        }

        var json = StripeJson.Serialize(updated);
        if (PreviousAttributes.Between(StripeJson.Serialize(current), json) is not { } previous)
        {
            // Nothing changed: nothing to write, and Stripe sends no customer.updated for it.
            return Json(json);
        }

        await CustomerStore.UpdateAsync(transaction, context.AccountId, updated, cancellationToken);
        await CustomerEvents.PublishAsync(transaction, context, CustomerEvents.Updated, json, previous, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(json);
    }

    static async Task<IResult> DeleteAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await CustomerStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } customer)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        await CustomerStore.MarkDeletedAsync(transaction, context.AccountId, id, cancellationToken);
        // Stripe's customer.deleted carries the customer as it last was, not the deleted stub the request answers with.
        await CustomerEvents.PublishAsync(transaction, context, CustomerEvents.Deleted, StripeJson.Serialize(customer), null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(new DeletedCustomer(id));
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var email = parameters.GetString("email", 512);
        // test_clock is not read, so it is refused as unknown until Billing brings test clocks.
        ExpansionTree.Read(parameters, Expandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (query.Cursor is { } cursor && !await CustomerStore.ExistsAsync(dataSource, context.AccountId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await CustomerStore.ListAsync(dataSource, context.AccountId, query.ToSql(), email, cancellationToken);
        return StripeJson.Result(query.ToPage(rows, ListUrl));
    }

    static async Task<IResult> SearchAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var search = SearchRequest.Read(parameters, CustomerSearchFields.All, "cus_");
        ExpansionTree.Read(parameters, Expandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var rows = await CustomerStore.SearchAsync(dataSource, context.AccountId, search, cancellationToken);
        return StripeJson.Result(search.Page<Customer>([.. rows], SearchUrl, r => r.Id));
    }

    /// <summary>A default payment method must be one of the account's, attached to this customer, as Stripe requires.</summary>
    static async Task<StripeError?> CheckDefaultPaymentMethodAsync(
        NpgsqlDataSource dataSource, RequestContext context, Customer customer, CancellationToken cancellationToken)
    {
        const string Param = "invoice_settings[default_payment_method]";
        if (customer.InvoiceSettings.DefaultPaymentMethod is not { } id)
        {
            return null;
        }

        return await PaymentMethodStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) switch
        {
            null => StripeError.ResourceMissing("PaymentMethod", id, Param),
            { Customer: var owner } when owner != customer.Id => StripeError.InvalidRequest(
                $"The customer does not have a payment method with the ID {id}. The payment method must be attached to the customer.", Param),
            _ => null,
        };
    }

    /// <summary>Answers with JSON already rendered, so that the response and the event carry the very same text.</summary>
    static IResult Json(string json) => Results.Content(json, "application/json", Encoding.UTF8);
}
