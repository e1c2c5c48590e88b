using System.Net;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;
using Stripe;
using Stripe.Identity;

namespace Marketplace.Onboarding.Tests.IdentityVerification;

/// <summary>Identity verification sessions through Stripe.net, submitted on the hosted page, checked by Stripe's test values.</summary>
public sealed class VerificationSessionTests(VerifyingOnboarding service) : IClassFixture<VerifyingOnboarding>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DocumentSession_SubmittedOnTheHostedPage_GoesThroughProcessingToVerified()
    {
        var platform = TestContexts.NewPlatform();
        var sessions = service.StripeFor(platform).V1.Identity.VerificationSessions;
        var created = await sessions.CreateAsync(new VerificationSessionCreateOptions
        {
            Type = "document",
            Metadata = new Dictionary<string, string> { ["user"] = "42" },
            ProvidedDetails = new VerificationSessionProvidedDetailsOptions { Email = "jenny@example.com" },
        }, cancellationToken: Cancellation);
        using var browser = service.PageClient();

        var page = await browser.GetStringAsync(new Uri(created.Url).PathAndQuery, Cancellation);
        var submitted = await SubmitAsync(browser, created.Url, ("document", "passport.png"));
        var processing = await sessions.GetAsync(created.Id, cancellationToken: Cancellation);
        var verified = await Eventually.Until(() => sessions.GetAsync(created.Id, cancellationToken: Cancellation), s => s.Status == "verified");
        var reused = await browser.GetAsync(new Uri(created.Url).PathAndQuery, Cancellation);

        Assert.Matches("^vs_[0-9A-Za-z]{22}$", created.Id);
        Assert.Equal(("requires_input", "document", "42"), (created.Status, created.Type, created.Metadata["user"]));
        Assert.StartsWith($"{created.Id}_secret_", created.ClientSecret, StringComparison.Ordinal);
        Assert.Contains("id=\"document\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("processing", processing.Status);
        Assert.Null(processing.Url);
        Assert.Null(verified.LastError);
        Assert.Equal("jenny@example.com", verified.VerifiedOutputs.Email);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        // Events are published in order but consumed concurrently, and Stripe promises no delivery order either: compare as a set.
        Assert.Equal(["identity.verification_session.created", "identity.verification_session.processing", "identity.verification_session.verified"],
            (await Eventually.Until(() => service.Events.Messages.Where(e => e.ObjectJson.Contains(created.Id, StringComparison.Ordinal)).Select(e => e.Type).ToList(), t => t.Count == 3))
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IdNumberSession_WithTheMismatchingTestNumber_ComesBackRequiringInputWithItsErrorAndANewUrl()
    {
        var sessions = service.StripeFor(TestContexts.NewPlatform()).V1.Identity.VerificationSessions;
        var created = await sessions.CreateAsync(new VerificationSessionCreateOptions { Type = "id_number" }, cancellationToken: Cancellation);
        using var browser = service.PageClient();

        await SubmitAsync(browser, created.Url, null, ("first_name", "Jenny"), ("last_name", "Rosen"), ("dob", "1902-01-01"), ("id_number", "111111111"));
        var failed = await Eventually.Until(() => sessions.GetAsync(created.Id, cancellationToken: Cancellation), s => s.LastError is not null);

        Assert.Equal("requires_input", failed.Status);
        Assert.Equal("id_number_mismatch", failed.LastError.Code);
        Assert.NotNull(failed.Url);
        Assert.NotEqual(created.Url, failed.Url);
        Assert.DoesNotContain(service.Events.Messages, e => e.ObjectJson.Contains("111111111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_EndsTheSession_ThenRedactClearsIt_AndAnotherAccountCannotSeeIt()
    {
        var platform = TestContexts.NewPlatform();
        var sessions = service.StripeFor(platform).V1.Identity.VerificationSessions;
        var created = await sessions.CreateAsync(new VerificationSessionCreateOptions
        {
            Type = "document",
            Metadata = new Dictionary<string, string> { ["user"] = "42" },
        }, cancellationToken: Cancellation);

        var canceled = await sessions.CancelAsync(created.Id, cancellationToken: Cancellation);
        var again = await Assert.ThrowsAsync<StripeException>(() => sessions.CancelAsync(created.Id, cancellationToken: Cancellation));
        var redacted = await sessions.RedactAsync(created.Id, cancellationToken: Cancellation);
        var stranger = await Assert.ThrowsAsync<StripeException>(() =>
            service.StripeFor(TestContexts.NewPlatform()).V1.Identity.VerificationSessions.GetAsync(created.Id, cancellationToken: Cancellation));
        var listed = await sessions.ListAsync(new VerificationSessionListOptions { Status = "canceled" }, cancellationToken: Cancellation);

        Assert.Equal("canceled", canceled.Status);
        Assert.Null(canceled.Url);
        Assert.Equal(HttpStatusCode.BadRequest, again.HttpStatusCode);
        Assert.Equal("redacted", redacted.Redaction.Status);
        Assert.Empty(redacted.Metadata);
        Assert.Equal(HttpStatusCode.NotFound, stranger.HttpStatusCode);
        Assert.Equal([created.Id], listed.Data.Select(s => s.Id));
    }

    static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string url, (string Field, string FileName)? file, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        if (file is { } upload)
        {
            form.Add(new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), upload.Field, upload.FileName);
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await browser.PostAsync(new Uri(url).PathAndQuery, form, Cancellation);
    }

    static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string url, (string Field, string FileName) file) =>
        SubmitAsync(browser, url, file, []);
}
