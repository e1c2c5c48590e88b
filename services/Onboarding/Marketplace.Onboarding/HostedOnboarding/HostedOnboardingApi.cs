using System.Text;
using Marketplace.Api.Forms;
using Marketplace.Onboarding.AccountLinks;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.Secrets;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Onboarding.HostedOnboarding;

/// <summary>
/// The hosted onboarding page an account link opens, under <c>/connect/onboarding</c> (served through the gateway
/// without an API key: the link's token is the credential). The first visit of a link opens a browser session
/// (a cookie) and the link is spent; an expired or spent link sends the browser to <c>refresh_url</c>. Each step
/// posts the API's own parameters, applied and validated by the API's code; when nothing the link collects is
/// due any more, the browser goes to <c>return_url</c>.
/// </summary>
public static class HostedOnboardingApi
{
    const string BasePath = "/connect/onboarding";
    const string SessionCookie = "onboarding_session";

    public static IEndpointRouteBuilder MapHostedOnboardingApi(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(BasePath).ExcludeFromDescription();
        pages.MapGet("/session", ShowStepAsync);
        pages.MapPost("/session", SubmitStepAsync).DisableAntiforgery();
        pages.MapGet("/{token}", OpenAsync);
        return endpoints;
    }

    static async Task<IResult> OpenAsync(
        string token, HttpContext http, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountLinkStore.FindAsync(connection, token, cancellationToken) is not { } link)
        {
            return Html(HostedOnboardingPage.Message(HostedText.LocaleFor(http.Request.Headers.AcceptLanguage, ""), "expired"), StatusCodes.Status404NotFound);
        }

        var session = AccountLinkStore.NewToken();
        var sessionExpiresAt = DateTimeOffset.UtcNow + options.Value.SessionLifetime;
        if (!await AccountLinkStore.TryOpenSessionAsync(connection, token, session, sessionExpiresAt, cancellationToken))
        {
            // Spent or expired: Stripe sends the user to refresh_url, where the platform makes a new link.
            return Results.Redirect(link.RefreshUrl);
        }

        http.Response.Cookies.Append(SessionCookie, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = BasePath,
            Expires = sessionExpiresAt,
        });
        return Results.Redirect($"{BasePath}/session");
    }

    static async Task<IResult> ShowStepAsync(HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await SessionLinkAsync(http, connection, cancellationToken) is not { } link)
        {
            return Html(HostedOnboardingPage.Message(HostedText.LocaleFor(http.Request.Headers.AcceptLanguage, ""), "expired"), StatusCodes.Status404NotFound);
        }

        if (await AccountStore.FindAsync(connection, link.AccountId, cancellationToken) is not { } account)
        {
            return Html(HostedOnboardingPage.Message("en", "expired"), StatusCodes.Status404NotFound);
        }

        var view = await AccountView.LoadAsync(connection, null, account, cancellationToken);
        return await RenderAsync(http, connection, link, view, null, cancellationToken);
    }

    static async Task<IResult> SubmitStepAsync(
        HttpContext http, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await SessionLinkAsync(http, connection, cancellationToken) is not { } link)
        {
            return Html(HostedOnboardingPage.Message(HostedText.LocaleFor(http.Request.Headers.AcceptLanguage, ""), "expired"), StatusCodes.Status404NotFound);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, link.AccountId, cancellationToken) is not { } account)
        {
            return Html(HostedOnboardingPage.Message("en", "expired"), StatusCodes.Status404NotFound);
        }

        var before = await AccountView.LoadAsync(connection, transaction, account, cancellationToken);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var step = form["step"].ToString();
        var stepFields = DueFields(before, link).Where(f => f.Step == step).ToList();
        var reader = ToParameters(form, account.Record, out var tosAccepted);
        var (record, bankAccount) = AccountChanges.Apply(reader, account.Record, sealer, DateTimeOffset.UtcNow);
        if (reader.Complete() is { } error)
        {
            return await RenderAsync(http, connection, link, before, error.Message, cancellationToken);
        }

        if (tosAccepted)
        {
            record = record with
            {
                TosAcceptance = new TosAcceptance
                {
                    Date = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
                    Ip = http.Connection.RemoteIpAddress?.ToString() ?? "0.0.0.0",
                    UserAgent = http.Request.Headers.UserAgent.ToString(),
                },
            };
        }

        var changed = account with { Record = record };
        if (bankAccount is not null)
        {
            var added = await ExternalAccountsApi.InsertAsync(transaction, changed, bankAccount, before.BankAccounts, true, cancellationToken);
            await ExternalAccountsApi.PublishAddedAsync(transaction, changed, added, ChangeCause.None, cancellationToken);
        }

        var after = await AccountWrites.CommitAsync(transaction, before, changed, ChangeCause.None, cancellationToken);
        var stillDue = DueFields(after, link).Where(f => f.Step == step).Select(f => f.Requirement).ToHashSet(StringComparer.Ordinal);
        if (stepFields.Any(f => stillDue.Contains(f.Requirement)))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RenderAsync(http, connection, link, before, HostedText.Get("required", Locale(http, before)), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Results.Redirect($"{BasePath}/session");
    }

    static async Task<IResult> RenderAsync(
        HttpContext http, NpgsqlConnection connection, StoredAccountLink link, AccountView view, string? error, CancellationToken cancellationToken)
    {
        var due = DueFields(view, link);
        var steps = HostedField.Steps.Where(step => due.Any(f => f.Step == step)).ToList();
        if (steps.Count == 0)
        {
            await AccountLinkStore.CompleteAsync(connection, link.TokenHash, cancellationToken);
            http.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = BasePath });
            return Results.Redirect(link.ReturnUrl);
        }

        var step = steps[0];
        return Html(HostedOnboardingPage.Step(
            Locale(http, view), step, HostedField.Steps.ToList().IndexOf(step) + 1, HostedField.Steps.Count, [.. due.Where(f => f.Step == step)], view.Stored.Record.Country, error));
    }

    /// <summary>What the link collects that is still due, as the page can ask for it.</summary>
    static List<HostedField> DueFields(AccountView view, StoredAccountLink link)
    {
        var requirements = view.Requirements();
        var wanted = link.Fields == "eventually_due" ? requirements.EventuallyDue : requirements.CurrentlyDue;
        return [.. wanted.Select(HostedField.For).OfType<HostedField>()];
    }

    /// <summary>
    /// The form as the API's parameters: the bank account's fixed parts added, the uploaded document handed to the
    /// simulated identity provider (a file whose name says "failure" fails, as Stripe's test file does; anything
    /// else passes), and the page's own fields read so that they are not refused as unknown.
    /// </summary>
    static ParameterReader ToParameters(IFormCollection form, AccountRecord record, out bool tosAccepted)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in form)
        {
            foreach (var value in values)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    fields.Add(new(name, value));
                }
            }
        }

        if (fields.Any(f => f.Key == "external_account[account_number]"))
        {
            fields.Add(new("external_account[object]", "bank_account"));
            fields.Add(new("external_account[currency]", record.DefaultCurrency));
            if (!BankAccountNumber.UsesIban(record.Country))
            {
                fields.Add(new("external_account[country]", record.Country));
            }
        }

        if (form.Files.GetFile("document") is { Length: > 0 } document)
        {
            fields.Add(new("individual[verification][document][front]",
                document.FileName.Contains("failure", StringComparison.OrdinalIgnoreCase) ? "file_identity_document_failure" : "file_identity_document_success"));
        }

        var encoded = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        if (!FormParser.TryParse(encoded, out var hash, out var error))
        {
            tosAccepted = false;
            return ParameterReader.FromError(error);
        }

        var reader = ParameterReader.From(hash);
        reader.GetString("step");
        tosAccepted = reader.GetString("tos_accept") == "true";
        return reader;
    }

    static async Task<StoredAccountLink?> SessionLinkAsync(HttpContext http, NpgsqlConnection connection, CancellationToken cancellationToken) =>
        http.Request.Cookies[SessionCookie] is { Length: > 0 } session
            ? await AccountLinkStore.FindBySessionAsync(connection, session, cancellationToken)
            : null;

    static string Locale(HttpContext http, AccountView view) => HostedText.LocaleFor(http.Request.Headers.AcceptLanguage, view.Stored.Record.Country);

    static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
