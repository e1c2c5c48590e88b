using System.Collections.Frozen;

namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// The attributes of one payment that rules read: a slot per <see cref="AttributeInfo"/> holding a
/// <see cref="string"/>, a <see cref="double"/>, a <see cref="bool"/> or null when the payment does not have it
/// (then every comparison on it is false), and the payment's metadata for <c>::key::</c>.
/// </summary>
public sealed class PaymentAttributes
{
    readonly object?[] _values = new object?[RuleAttributes.All.Count];

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = FrozenDictionary<string, string>.Empty;

    public object? this[AttributeInfo attribute]
    {
        get => _values[attribute.Slot];
        set
        {
            ArgumentNullException.ThrowIfNull(attribute);
            var fits = value is null || attribute.Type switch
            {
                AttributeType.Number => value is double,
                AttributeType.Flag => value is bool,
                _ => value is string,
            };
            if (!fits)
            {
                throw new ArgumentException($"{attribute.Name} holds {attribute.Type} values, not {value!.GetType().Name}.", nameof(value));
            }

            _values[attribute.Slot] = value;
        }
    }

    internal object? Get(int slot) => _values[slot];
}
