using System.Diagnostics.CodeAnalysis;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Metadata;

/// <summary>
/// What a request asks of an object's metadata: <c>metadata[k]=v</c> sets, <c>metadata[k]=</c> deletes a key,
/// <c>metadata=</c> clears them all. A create applies it to nothing, an update to what is stored.
/// </summary>
public sealed record MetadataUpdate(bool ClearAll, IReadOnlyDictionary<string, string?> Changes)
{
    public static MetadataUpdate None { get; } = new(false, new Dictionary<string, string?>());

    /// <summary>Reads and checks <paramref name="param"/>; failures go to the reader.</summary>
    public static MetadataUpdate Read(ParameterReader parameters, string param = "metadata")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Unset(param))
        {
            return new MetadataUpdate(true, new Dictionary<string, string?>());
        }

        if (parameters.GetHash(param) is not { } pairs)
        {
            return None;
        }

        var changes = new Dictionary<string, string?>(pairs.Count, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var change = value.Length == 0 ? null : value;
            if (MetadataRules.Check(key, change, parameters.PathOf(param)) is { } error)
            {
                parameters.Fail(error);
                return None;
            }

            changes[key] = change;
        }

        if (MetadataRules.CheckCount(changes.Count(c => c.Value is not null), parameters.PathOf(param)) is { } tooMany)
        {
            parameters.Fail(tooMany);
            return None;
        }

        return new MetadataUpdate(false, changes);
    }

    /// <summary>The metadata after this update, unless it would hold more keys than Stripe allows.</summary>
    public bool TryApply(
        IReadOnlyDictionary<string, string> current,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? result,
        [NotNullWhen(false)] out StripeError? error,
        string param = "metadata")
    {
        ArgumentNullException.ThrowIfNull(current);
        var merged = ClearAll ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in Changes)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        error = MetadataRules.CheckCount(merged.Count, param);
        result = error is null ? merged : null;
        return error is null;
    }
}
