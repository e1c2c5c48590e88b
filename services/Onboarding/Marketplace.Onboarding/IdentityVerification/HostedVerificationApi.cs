using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Marketplace.Messaging.Outbox;
using Marketplace.Onboarding.AccountLinks;
using Marketplace.Onboarding.Persons;
using Marketplace.Onboarding.Verification;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>
/// The hosted verification page a session's <c>url</c> opens (<c>/connect/identity/{token}</c>, through the gateway
/// without an API key). One submission per URL: the session goes to <c>processing</c>, and the simulated provider
/// answers a moment later by Stripe's test values — a document file named like <c>…failure…</c> fails, ID number
/// <c>111111111</c> mismatches, anything else verifies. The ID number is read, judged and dropped, never stored.
/// </summary>
public static class HostedVerificationApi
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapHostedVerificationApi(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/connect/identity").ExcludeFromDescription();
        pages.MapGet("/{token}", ShowAsync);
        pages.MapPost("/{token}", SubmitAsync).DisableAntiforgery();
        return endpoints;
    }

    static async Task<IResult> ShowAsync(string token, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await VerificationSessionStore.LockAnyAsync(transaction, null, token, cancellationToken) is not { } session)
        {
            return Html("<p id=\"invalid\">This verification link is no longer valid.</p>", StatusCodes.Status404NotFound);
        }

        var record = session.Read();
        var form = new StringBuilder("<h1>Verify your identity</h1><form method=\"post\" enctype=\"multipart/form-data\">");
        if (record.LastError is { } last)
        {
            form.Append("<p role=\"alert\">").Append(Encoder.Encode(last.Reason)).Append("</p>");
        }

        if (record.Type == "document")
        {
            form.Append("<label for=\"document\">Identity document</label><input type=\"file\" id=\"document\" name=\"document\" required>");
        }

        if (record.Type == "id_number" || record.Options["document"]?["require_id_number"]?.GetValue<bool>() == true)
        {
            foreach (var (name, label) in new[] { ("first_name", "First name"), ("last_name", "Last name"), ("id_number", "ID number") })
            {
                form.Append($"<label for=\"{name}\">{label}</label><input id=\"{name}\" name=\"{name}\" required>");
            }

            form.Append("<label for=\"dob\">Date of birth</label><input type=\"date\" id=\"dob\" name=\"dob\" required>");
        }

        form.Append("<button type=\"submit\" id=\"submit\">Submit</button></form>");
        return Html(form.ToString());
    }

    static async Task<IResult> SubmitAsync(
        string token, HttpRequest request, NpgsqlDataSource dataSource, IOptions<VerificationOptions> verification,
        IOptions<AccountLinkOptions> links, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await VerificationSessionStore.LockAnyAsync(transaction, null, token, cancellationToken) is not { } session
            || session.Read() is not { Status: "requires_input" } record)
        {
            return Html("<p id=\"invalid\">This verification link is no longer valid.</p>", StatusCodes.Status404NotFound);
        }

        var document = form.Files.GetFile("document");
        var idNumber = form["id_number"].ToString();
        var dob = DateOnly.TryParse(form["dob"].ToString(), System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : (DateOnly?)null;
        var check = new CheckVerificationSession
        {
            SessionId = session.Id,
            DocumentFails = document?.FileName.Contains("failure", StringComparison.OrdinalIgnoreCase) == true,
            IdNumberMismatches = idNumber == "111111111",
            Outputs = new VerifiedOutputs
            {
                FirstName = form["first_name"].ToString() is { Length: > 0 } first ? first : null,
                LastName = form["last_name"].ToString() is { Length: > 0 } last ? last : null,
                Dob = dob is { } d ? new Dob(d.Day, d.Month, d.Year) : null,
                IdNumberType = idNumber.Length > 0 ? "us_ssn" : null,
                Email = record.ProvidedEmail,
                Phone = record.ProvidedPhone,
            },
        };
        var processing = record with { Status = "processing", LastError = null, Secret = null };
        await VerificationSessionStore.UpdateAsync(transaction, session.Id, processing, cancellationToken);
        await transaction.ScheduleSendAsync(CheckVerificationSession.Address, check, DateTimeOffset.UtcNow + verification.Value.IdentityDelay, cancellationToken);
        var after = session with { Record = Accounts.RecordJson.Write(processing) };
        await IdentityEvents.PublishAsync(transaction, after, after.Render(links.Value.PublicBaseUrl), "processing", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record.ReturnUrl is { } returnUrl ? Results.Redirect(returnUrl) : Html("<p id=\"submitted\">Thank you: your identity is being verified.</p>");
    }

    static IResult Html(string body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Identity verification</title></head><body>{body}</body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
