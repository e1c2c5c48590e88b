using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// Makes one delivery attempt: exactly one POST of the payload, signed, with no retry and no redirect followed
/// (<see cref="WebhooksHttpClient"/> sets the client up that way); the retries are the service's, durable.
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<WebhookDeliveryOptions> options)
{
    readonly TimeSpan _timeout = options.Value.Timeout;

    /// <summary>
    /// The outcome of POSTing <paramref name="payload"/> to <paramref name="url"/>. Failures of the endpoint are
    /// outcomes, not exceptions; only <paramref name="cancellationToken"/> (the host stopping) throws, so that the
    /// attempt is neither recorded nor counted and the command comes back to the next host.
    /// </summary>
    public async Task<DeliveryOutcome> SendAsync(string url, string secret, string payload, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Create(secret, started, payload));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            // The body of the answer is of no interest: the status code is the whole reply.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new DeliveryOutcome(started, clock.Elapsed, (int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(started, clock.Elapsed, null,
                string.Create(CultureInfo.InvariantCulture, $"Timed out: no response within {_timeout.TotalSeconds:0.###} s."));
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryOutcome(started, clock.Elapsed, null, $"Request failed ({ex.HttpRequestError}): {ex.Message}");
        }
    }
}
