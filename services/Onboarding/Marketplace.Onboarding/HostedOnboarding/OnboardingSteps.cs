using System.Text;
using Marketplace.Api.Forms;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.Secrets;
using Npgsql;

namespace Marketplace.Onboarding.HostedOnboarding;

/// <summary>
/// The onboarding form's steps, whichever credential opened them (an account link's browser session, an account
/// session's embedded page): the next step of what is due, and a submitted step applied by the API's own code.
/// </summary>
internal static class OnboardingSteps
{
    /// <summary>What one opening of the page collects: <c>currently_due</c> or <c>eventually_due</c>, with or without bank accounts.</summary>
    public sealed record Collection(string AccountId, string Fields, bool ExternalAccount);

    /// <summary>The next step's page; null when nothing the collection asks for is due any more.</summary>
    public static IResult? Render(HttpContext http, AccountView view, Collection collection, string? error)
    {
        var due = DueFields(view, collection);
        var steps = HostedField.Steps.Where(step => due.Any(f => f.Step == step)).ToList();
        if (steps.Count == 0)
        {
            return null;
        }

        var step = steps[0];
        return Html(HostedOnboardingPage.Step(
            Locale(http, view), step, HostedField.Steps.ToList().IndexOf(step) + 1, HostedField.Steps.Count, [.. due.Where(f => f.Step == step)],
            view.Stored.Record.Country, error));
    }

    /// <summary>
    /// Applies the posted step to the account and commits it, or answers with the step again and the reason when it
    /// cannot be applied or leaves a field of the step due (then nothing is kept). Null once applied: the caller shows
    /// what comes next.
    /// </summary>
    public static async Task<IResult?> SubmitAsync(
        HttpContext http, NpgsqlConnection connection, SecretSealer sealer, Collection collection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, collection.AccountId, cancellationToken) is not { } account)
        {
            return Html(HostedOnboardingPage.Message("en", "expired"), StatusCodes.Status404NotFound);
        }

        var before = await AccountView.LoadAsync(connection, transaction, account, cancellationToken);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var step = form["step"].ToString();
        var stepFields = DueFields(before, collection).Where(f => f.Step == step).ToList();
        var reader = ToParameters(form, account.Record, out var tosAccepted);
        var (record, bankAccount) = AccountChanges.Apply(reader, account.Record, sealer, DateTimeOffset.UtcNow);
        if (reader.Complete() is { } error)
        {
            return Render(http, before, collection, error.Message);
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
        var stillDue = DueFields(after, collection).Where(f => f.Step == step).Select(f => f.Requirement).ToHashSet(StringComparer.Ordinal);
        if (stepFields.Any(f => stillDue.Contains(f.Requirement)))
        {
            await transaction.RollbackAsync(cancellationToken);
            return Render(http, before, collection, HostedText.Get("required", Locale(http, before)));
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);

    public static string Locale(HttpContext http, AccountView view) => HostedText.LocaleFor(http.Request.Headers.AcceptLanguage, view.Stored.Record.Country);

    /// <summary>What the collection asks for that is still due, as the page can ask for it.</summary>
    static List<HostedField> DueFields(AccountView view, Collection collection)
    {
        var requirements = view.Requirements();
        var wanted = collection.Fields == "eventually_due" ? requirements.EventuallyDue : requirements.CurrentlyDue;
        return [.. wanted.Select(HostedField.For).OfType<HostedField>().Where(f => collection.ExternalAccount || f.Requirement != "external_account")];
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
}
