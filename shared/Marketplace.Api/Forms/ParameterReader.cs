using System.Globalization;
using Marketplace.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Forms;

/// <summary>
/// Typed, validated reading of a request's parameters. An endpoint reads what it knows, then calls
/// <see cref="Complete"/>: anything it did not read is refused as Stripe refuses it
/// (<c>Received unknown parameter: card[foo]</c>), otherwise the first invalid value is reported. A read that fails
/// returns null (or a default) and the reading carries on, so endpoints read straight through and check once.
/// </summary>
public sealed class ParameterReader
{
    public const int DefaultMaxStringLength = 5000;

    readonly ParameterReadState _state;
    readonly ParameterHash _hash;

    ParameterReader(ParameterReadState state, ParameterHash hash, string? path)
    {
        _state = state;
        _hash = hash;
        Path = path;
        state.Open(hash);
    }

    /// <summary>Where this reader sits: null at the top, <c>card</c> or <c>items[0]</c> below.</summary>
    public string? Path { get; }

    /// <summary>True once any read (or the parsing of the body) has failed.</summary>
    public bool Failed => _state.Failed;

    public static ParameterReader From(ParameterHash parameters) => new(new ParameterReadState(parameters, null), parameters, null);

    /// <summary>A reader whose every read comes back empty and whose <see cref="Complete"/> reports <paramref name="error"/>.</summary>
    public static ParameterReader FromError(StripeError error)
    {
        var empty = new ParameterHash();
        return new(new ParameterReadState(empty, error), empty, null);
    }

    /// <summary>Reads the query string of a GET or DELETE, the body (form or JSON) of anything else.</summary>
    public static Task<ParameterReader> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        RequestParameters.ReadAsync(request, cancellationToken);

    public StripeError? Complete() => _state.Complete();

    /// <summary>Records an endpoint's own validation failure, so that it is reported in order with the readers'.</summary>
    public void Fail(StripeError error) => _state.Fail(error);

    public string PathOf(string name) => ParameterPath.Child(Path, name);

    public bool Has(string name) => _hash[name] is not null;

    /// <summary>True when the parameter was sent as a hash (<c>created[gte]=…</c>) rather than a value.</summary>
    public bool IsHash(string name) => _hash[name] is ParameterHash;

    /// <summary>
    /// True, and the parameter taken, when it was sent empty (<c>description=</c>): Stripe's way to clear a field.
    /// Call it before the typed read of a field that can be cleared; the typed reads refuse empty values.
    /// </summary>
    public bool Unset(string name)
    {
        if (_hash[name] is ParameterValue { IsEmpty: true } value)
        {
            _state.Consume(value);
            return true;
        }

        return false;
    }

    public string? GetString(string name, int maxLength = DefaultMaxStringLength)
    {
        if (Scalar(name, "string") is not { } text)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            Fail(ParameterErrors.StringTooLong(PathOf(name), maxLength));
            return null;
        }

        return text;
    }

    public string GetRequiredString(string name, int maxLength = DefaultMaxStringLength) =>
        Require(name) ? GetString(name, maxLength) ?? "" : "";

    public long? GetLong(string name, long minimum = long.MinValue, long maximum = long.MaxValue)
    {
        if (Scalar(name, "integer") is not { } text)
        {
            return null;
        }

        return ToLong(PathOf(name), text, minimum, maximum);
    }

    public long GetRequiredLong(string name, long minimum = long.MinValue, long maximum = long.MaxValue) =>
        Require(name) ? GetLong(name, minimum, maximum) ?? 0 : 0;

    public bool? GetBoolean(string name)
    {
        switch (Scalar(name, "boolean"))
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            case var text:
                Fail(ParameterErrors.InvalidBoolean(PathOf(name), text));
                return null;
        }
    }

    /// <summary>One of <paramref name="allowed"/>, compared exactly (Stripe's enums are lowercase).</summary>
    public string? GetEnum(string name, params IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (Scalar(name, "string") is not { } text)
        {
            return null;
        }

        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Fail(ParameterErrors.InvalidEnum(PathOf(name), allowed));
            return null;
        }

        return text;
    }

    public string GetRequiredEnum(string name, params IReadOnlyList<string> allowed) =>
        Require(name) ? GetEnum(name, allowed) ?? "" : "";

    /// <summary>Unix seconds, as Stripe takes every time.</summary>
    public DateTimeOffset? GetTimestamp(string name)
    {
        const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z
        return GetLong(name, 0, MaxUnixSeconds) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    /// <summary><c>expand[]=a&amp;expand[]=b</c>, <c>expand[0]=a</c> or a JSON array of strings.</summary>
    public IReadOnlyList<string>? GetStringList(string name, int maxLength = DefaultMaxStringLength)
    {
        if (Elements(name, consume: true) is not { } elements)
        {
            return null;
        }

        var values = new List<string>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = ParameterPath.Child(PathOf(name), i.ToString(CultureInfo.InvariantCulture));
            if (elements[i] is not ParameterValue value)
            {
                Fail(ParameterErrors.WrongShape(path, "string"));
                return null;
            }

            if (value.Text.Length > maxLength)
            {
                Fail(ParameterErrors.StringTooLong(path, maxLength));
                return null;
            }

            values.Add(value.Text);
        }

        return values;
    }

    /// <summary><c>items[0][price]=…&amp;items[1][price]=…</c>: a reader per item.</summary>
    public IReadOnlyList<ParameterReader>? GetObjectList(string name)
    {
        if (Elements(name, consume: false) is not { } elements)
        {
            return null;
        }

        var readers = new List<ParameterReader>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = ParameterPath.Child(PathOf(name), i.ToString(CultureInfo.InvariantCulture));
            if (elements[i] is not ParameterHash item)
            {
                // Refused as a whole, so that its other items are not reported as unknown instead.
                _state.Consume(_hash[name]!);
                Fail(ParameterErrors.WrongShape(path, "object"));
                return null;
            }

            readers.Add(new ParameterReader(_state, item, path));
        }

        return readers;
    }

    /// <summary>A nested object such as <c>card[number]</c>, whose own parameters are then read and checked.</summary>
    public ParameterReader? GetObject(string name)
    {
        switch (_hash[name])
        {
            case null:
                return null;
            case ParameterHash hash:
                return new ParameterReader(_state, hash, PathOf(name));
            case var other:
                _state.Consume(other);
                Fail(other is ParameterValue { IsEmpty: true } ? ParameterErrors.Empty(PathOf(name)) : ParameterErrors.WrongShape(PathOf(name), "object"));
                return null;
        }
    }

    /// <summary>
    /// A free-form hash of strings (<c>metadata[k]=v</c>), empty values kept: for metadata they delete a key.
    /// </summary>
    public IReadOnlyDictionary<string, string>? GetHash(string name)
    {
        var node = _hash[name];
        if (node is null)
        {
            return null;
        }

        _state.Consume(node);
        if (node is not ParameterHash hash)
        {
            Fail(node is ParameterValue { IsEmpty: true } ? ParameterErrors.Empty(PathOf(name)) : ParameterErrors.WrongShape(PathOf(name), "hash"));
            return null;
        }

        var values = new Dictionary<string, string>(hash.Count, StringComparer.Ordinal);
        foreach (var (key, child) in hash.Children)
        {
            if (child is not ParameterValue value)
            {
                Fail(ParameterErrors.WrongShape(ParameterPath.Child(PathOf(name), key), "string"));
                return null;
            }

            values[key] = value.Text;
        }

        return values;
    }

    bool Require(string name)
    {
        if (Has(name))
        {
            return true;
        }

        Fail(ParameterErrors.Missing(PathOf(name)));
        return false;
    }

    string? Scalar(string name, string expected)
    {
        var node = _hash[name];
        if (node is null)
        {
            return null;
        }

        _state.Consume(node);
        switch (node)
        {
            case ParameterValue { IsEmpty: true }:
                Fail(ParameterErrors.Empty(PathOf(name)));
                return null;
            case ParameterValue value:
                return value.Text;
            default:
                Fail(ParameterErrors.WrongShape(PathOf(name), expected));
                return null;
        }
    }

    long? ToLong(string path, string text, long minimum, long maximum)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(ParameterErrors.InvalidInteger(path, text));
            return null;
        }

        if (value < minimum)
        {
            Fail(ParameterErrors.BelowMinimum(path, minimum));
            return null;
        }

        if (value > maximum)
        {
            Fail(ParameterErrors.AboveMaximum(path, maximum));
            return null;
        }

        return value;
    }

    /// <summary>
    /// The items of a list parameter. Form bodies name items by index (<c>items[0]</c>), which parse as hash keys; here,
    /// where the parameter is known to be a list, the keys must be exactly 0…n-1.
    /// </summary>
    IReadOnlyList<ParameterNode>? Elements(string name, bool consume)
    {
        var node = _hash[name];
        if (node is null)
        {
            return null;
        }

        if (consume || node is not (ParameterHash or ParameterList))
        {
            _state.Consume(node);
        }
        else
        {
            _state.Open(node);
        }

        switch (node)
        {
            case ParameterList list:
                return list.Items;
            case ParameterHash hash:
                var items = Indexed(PathOf(name), hash);
                if (items is null)
                {
                    // Refused as a whole: its keys are not unknown parameters.
                    _state.Consume(hash);
                }

                return items;
            case ParameterValue { IsEmpty: true }:
                Fail(ParameterErrors.Empty(PathOf(name)));
                return null;
            default:
                Fail(ParameterErrors.WrongShape(PathOf(name), "array"));
                return null;
        }
    }

    ParameterNode[]? Indexed(string path, ParameterHash hash)
    {
        if (hash.Count > ParameterLimits.MaxListLength)
        {
            Fail(ParameterErrors.ListTooLong(path));
            return null;
        }

        var items = new ParameterNode?[hash.Count];
        foreach (var (key, child) in hash.Children)
        {
            if (!IsCanonicalIndex(key))
            {
                Fail(ParameterErrors.WrongShape(path, "array"));
                return null;
            }

            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= items.Length)
            {
                Fail(ParameterErrors.ListIndexes(path));
                return null;
            }

            items[index] = child;
        }

        return items!;
    }

    static bool IsCanonicalIndex(string key) =>
        key.Length > 0 && key.All(char.IsAsciiDigit) && (key.Length == 1 || key[0] != '0');
}
