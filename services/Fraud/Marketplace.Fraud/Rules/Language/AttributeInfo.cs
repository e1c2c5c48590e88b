namespace Marketplace.Fraud.Rules.Language;

/// <summary>A named attribute of a payment (<c>:card_country:</c>) and its slot in <see cref="PaymentAttributes"/>.</summary>
public sealed record AttributeInfo(string Name, AttributeType Type, int Slot);
