using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Forms;

/// <summary>A request body read whole, within <see cref="ParameterLimits.MaxBodyBytes"/>: what parameters are parsed from and what the gateway fingerprints.</summary>
public static class RequestBody
{
    /// <summary>The body's bytes; null when it is larger than the limit, declared or not (reading stops there).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > ParameterLimits.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ParameterLimits.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
