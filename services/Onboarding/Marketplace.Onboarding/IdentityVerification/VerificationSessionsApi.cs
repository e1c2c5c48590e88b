using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Onboarding.AccountLinks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>
/// Stripe Identity's <c>/v1/identity/verification_sessions</c>: create, retrieve, update, list, cancel and redact,
/// scoped to the account the request acts on. The user submits on the hosted page (<see cref="HostedVerificationApi"/>).
/// </summary>
public static class VerificationSessionsApi
{
    const string ObjectName = "identity.verification_session";
    const string ListUrl = "/v1/identity/verification_sessions";

    static readonly FrozenSet<string> Expandable = FrozenSet.Create(StringComparer.Ordinal, "last_verification_report");

    public static IEndpointRouteBuilder MapVerificationSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapGroup(ListUrl).WithTags("identity.verification_sessions");
        sessions.MapPost("", CreateAsync).WithSummary("Create a verification session");
        sessions.MapGet("", ListAsync).WithSummary("List verification sessions");
        sessions.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a verification session");
        sessions.MapPost("/{id}", UpdateAsync).WithSummary("Update a verification session");
        sessions.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a verification session");
        sessions.MapPost("/{id}/redact", RedactAsync).WithSummary("Redact a verification session");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var type = parameters.GetRequiredEnum("type", "document", "id_number");
        var record = Apply(parameters, new VerificationSessionRecord { Type = type, Secret = AccountLinkStore.NewToken() });
        record = record with
        {
            ClientReferenceId = parameters.GetString("client_reference_id", 500),
            RelatedCustomer = parameters.GetString("related_customer", 100),
            ReturnUrl = parameters.GetString("return_url", 2048),
        };
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var now = DateTimeOffset.UtcNow;
        var id = PrefixedId.New("vs", now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await VerificationSessionStore.InsertAsync(connection, id, context.PlatformId, context.AccountId, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), record, cancellationToken);
        var stored = (await VerificationSessionStore.LockAsync(transaction, context.AccountId, id, cancellationToken))!;
        var rendered = stored.Render(options.Value.PublicBaseUrl);
        await IdentityEvents.PublishAsync(transaction, stored, rendered, "created", context.RequestId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(rendered);
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await VerificationSessionStore.FindAsync(connection, context.AccountId, id, cancellationToken) is { } session
            ? StripeJson.Result(session.Render(options.Value.PublicBaseUrl))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    /// <summary>Stripe lets a session change only while it waits for input.</summary>
    static Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, context, dataSource, options, null, (parameters, record) =>
            record.Status != "requires_input"
                ? StripeError.InvalidRequest($"This VerificationSession is {record.Status} and can no longer be updated.", null, "session_invalid")
                : null,
            (parameters, record) => Apply(parameters, record with
            {
                Type = parameters.GetEnum("type", "document", "id_number") ?? record.Type,
            }), cancellationToken);

    static Task<IResult> CancelAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, context, dataSource, options, "canceled", (_, record) =>
            record.Status != "requires_input"
                ? StripeError.InvalidRequest($"This VerificationSession is {record.Status} and cannot be canceled.", null, "session_invalid")
                : null,
            (_, record) => record with { Status = "canceled", Secret = null }, cancellationToken);

    /// <summary>Redaction removes what was collected and verified; the session stays, marked redacted.</summary>
    static Task<IResult> RedactAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken) =>
        ChangeAsync(id, request, context, dataSource, options, "redacted", (_, record) =>
            record.Status == "processing"
                ? StripeError.InvalidRequest("A VerificationSession cannot be redacted while it is processing.", null, "session_invalid")
                : null,
            (_, record) => record with
            {
                Redacted = true,
                VerifiedOutputs = null,
                ProvidedEmail = null,
                ProvidedPhone = null,
                Metadata = new Dictionary<string, string>(),
                Status = record.Status == "requires_input" ? "canceled" : record.Status,
                Secret = null,
            }, cancellationToken);

    static async Task<IResult> ChangeAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, string? eventName,
        Func<ParameterReader, VerificationSessionRecord, StripeError?> refuse, Func<ParameterReader, VerificationSessionRecord, VerificationSessionRecord> change,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await VerificationSessionStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } session)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var record = session.Read();
        var updated = change(parameters, record);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (refuse(parameters, record) is { } refused)
        {
            return refused.ToResult();
        }

        await VerificationSessionStore.UpdateAsync(transaction, id, updated, cancellationToken);
        var after = session with { Record = Accounts.RecordJson.Write(updated) };
        var rendered = after.Render(options.Value.PublicBaseUrl);
        if (eventName is not null)
        {
            await IdentityEvents.PublishAsync(transaction, after, rendered, eventName, context.RequestId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(rendered);
    }

    static async Task<IResult> ListAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var status = parameters.GetEnum("status", "canceled", "processing", "requires_input", "verified");
        ExpansionTree.Read(parameters, Expandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await VerificationSessionStore.ListAsync(connection, context.AccountId, query.ToSql(), status, cancellationToken);
        return StripeJson.Result(query.ToPage([.. rows.Select(row => row.Render(options.Value.PublicBaseUrl))], ListUrl));
    }

    /// <summary><c>metadata</c>, <c>options[document][…]</c> and <c>provided_details</c>, as create and update take them.</summary>
    static VerificationSessionRecord Apply(ParameterReader parameters, VerificationSessionRecord record)
    {
        var metadata = MetadataUpdate.Read(parameters);
        var options = record.Options;
        if (parameters.GetObject("options") is { } given && given.GetObject("document") is { } document)
        {
            var read = new JsonObject();
            if (document.GetStringList("allowed_types") is { } types)
            {
                read["allowed_types"] = new JsonArray([.. types.Select(t => (JsonNode)JsonValue.Create(t)!)]);
            }

            foreach (var flag in new[] { "require_id_number", "require_live_capture", "require_matching_selfie" })
            {
                if (document.GetBoolean(flag) is { } value)
                {
                    read[flag] = value;
                }
            }

            options = new JsonObject { ["document"] = read };
        }

        var provided = parameters.GetObject("provided_details");
        var updated = record with
        {
            Options = options,
            ProvidedEmail = provided?.GetString("email", 800) ?? record.ProvidedEmail,
            ProvidedPhone = provided?.GetString("phone", 30) ?? record.ProvidedPhone,
        };
        if (!metadata.TryApply(record.Metadata, out var applied, out var error))
        {
            parameters.Fail(error);
            return record;
        }

        return updated with { Metadata = applied };
    }
}
