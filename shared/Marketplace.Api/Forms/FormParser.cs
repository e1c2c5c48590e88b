using System.Diagnostics.CodeAnalysis;
using System.Text;
using Marketplace.Api.Errors;

namespace Marketplace.Api.Forms;

/// <summary>
/// Parses <c>application/x-www-form-urlencoded</c> bodies and query strings with Stripe's bracket notation:
/// <c>metadata[k]=v</c>, <c>items[0][price]=p</c>, <c>expand[]=a</c>. A repeated plain name keeps its last value,
/// as Rack (which Stripe's parser descends from) does; a name used both as a value and as a container is refused.
/// </summary>
public static class FormParser
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryParse(string query, [NotNullWhen(true)] out ParameterHash? parameters, [NotNullWhen(false)] out StripeError? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        return TryParse(Encoding.UTF8.GetBytes(query.StartsWith('?') ? query[1..] : query), out parameters, out error);
    }

    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out ParameterHash? parameters, [NotNullWhen(false)] out StripeError? error)
    {
        var root = new ParameterHash();
        parameters = null;
        var count = 0;
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? [] : pair[(equals + 1)..];
            if (!TryDecode(rawName, out var name) || !TryDecode(rawValue, out var value))
            {
                error = ParameterErrors.InvalidEncoding();
                return false;
            }

            if (++count > ParameterLimits.MaxParameters)
            {
                // Named after the parameter that went over, which is nearly always the one sent in bulk (metadata).
                var bracket = name.IndexOf('[', StringComparison.Ordinal);
                error = ParameterErrors.TooMany(bracket < 0 ? name : name[..bracket]);
                return false;
            }

            if (!TryInsert(root, name, new ParameterValue(value), out error))
            {
                return false;
            }
        }

        parameters = root;
        error = null;
        return true;
    }

    static bool TryInsert(ParameterHash root, string name, ParameterValue value, [NotNullWhen(false)] out StripeError? error)
    {
        if (!TrySplitName(name, out var tokens, out error))
        {
            return false;
        }

        ParameterHash container = root;
        string? path = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = tokens[i]!;
            path = ParameterPath.Child(path, key);
            var existing = container[key];
            var isLast = i == tokens.Count - 1;
            var appendsNext = !isLast && tokens[i + 1] is null;

            if (isLast)
            {
                if (existing is ParameterHash or ParameterList)
                {
                    error = ParameterErrors.Conflicting(path);
                    return false;
                }

                container.Set(key, value);
                break;
            }

            if (appendsNext)
            {
                // "[]" is only ever the last segment, so the list gets the value and the walk ends.
                var list = existing ?? new ParameterList();
                if (list is not ParameterList items)
                {
                    error = ParameterErrors.Conflicting(path);
                    return false;
                }

                if (items.Items.Count >= ParameterLimits.MaxListLength)
                {
                    error = ParameterErrors.ListTooLong(path);
                    return false;
                }

                items.Add(value);
                container.Set(key, items);
                break;
            }

            var next = existing ?? new ParameterHash();
            if (next is not ParameterHash hash)
            {
                error = ParameterErrors.Conflicting(path);
                return false;
            }

            container.Set(key, hash);
            container = hash;
        }

        error = null;
        return true;
    }

    /// <summary>Splits <c>a[b][]</c> into <c>a</c>, <c>b</c>, null (an append).</summary>
    static bool TrySplitName(string name, out List<string?> tokens, [NotNullWhen(false)] out StripeError? error)
    {
        tokens = [];
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var head = open < 0 ? name : name[..open];
        if (head.Length == 0 || head.Contains(']', StringComparison.Ordinal))
        {
            error = ParameterErrors.InvalidName(name);
            return false;
        }

        tokens.Add(head);
        var position = open < 0 ? name.Length : open;
        while (position < name.Length)
        {
            var close = name.IndexOf(']', position);
            if (name[position] != '[' || close < 0)
            {
                error = ParameterErrors.InvalidName(name);
                return false;
            }

            var segment = name[(position + 1)..close];
            if (segment.Contains('[', StringComparison.Ordinal) || tokens[^1] is null)
            {
                error = ParameterErrors.InvalidName(name);
                return false;
            }

            tokens.Add(segment.Length == 0 ? null : segment);
            position = close + 1;
        }

        if (tokens.Count > ParameterLimits.MaxDepth)
        {
            error = ParameterErrors.TooDeep(name);
            return false;
        }

        error = null;
        return true;
    }

    static bool TryDecode(ReadOnlySpan<byte> encoded, out string decoded)
    {
        decoded = "";
        var bytes = encoded.Length <= 512 ? stackalloc byte[encoded.Length] : new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%')
            {
                if (i + 2 >= encoded.Length || !TryHex(encoded[i + 1], out var high) || !TryHex(encoded[i + 2], out var low))
                {
                    return false;
                }

                b = (byte)((high << 4) | low);
                i += 2;
            }

            bytes[length++] = b;
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes[..length]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    static bool TryHex(byte b, out int value)
    {
        value = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
