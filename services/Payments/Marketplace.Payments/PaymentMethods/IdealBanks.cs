using System.Collections.Frozen;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>The banks Stripe's <c>ideal[bank]</c> takes, each with the BIC that <c>ideal.bic</c> shows for it.</summary>
internal static class IdealBanks
{
    public static readonly FrozenDictionary<string, string> Bics = new Dictionary<string, string>
    {
        ["abn_amro"] = "ABNANL2A",
        ["adyen"] = "ADYBNL2A",
        ["asn_bank"] = "ASNBNL21",
        ["bunq"] = "BUNQNL2A",
        ["buut"] = "BUUTNL2A",
        ["finom"] = "FNOMNL22",
        ["handelsbanken"] = "HANDNL2A",
        ["ing"] = "INGBNL2A",
        ["knab"] = "KNABNL2H",
        ["mollie"] = "MLLENL2A",
        ["moneyou"] = "MOYONL21",
        ["n26"] = "NTSBDEB1",
        ["nn"] = "NNBANL2G",
        ["rabobank"] = "RABONL2U",
        ["regiobank"] = "RBRBNL21",
        ["revolut"] = "REVOLT21",
        ["sns_bank"] = "SNSBNL2A",
        ["triodos_bank"] = "TRIONL2U",
        ["van_lanschot"] = "FVLBNL22",
        ["yoursafe"] = "BITSNL2A",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
