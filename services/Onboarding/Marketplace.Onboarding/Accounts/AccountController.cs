namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Stripe's <c>controller</c>: who pays fees, who bears losses, who collects requirements and which dashboard the
/// account gets. A <c>type</c> is shorthand for one combination (<see cref="ForType"/>).
/// </summary>
public sealed record AccountController
{
    static readonly string[] Types = ["standard", "express", "custom"];

    public required AccountControllerFees Fees { get; init; }

    public bool IsController { get; init; }

    public required AccountControllerLosses Losses { get; init; }

    /// <summary><c>stripe</c> or <c>application</c>.</summary>
    public required string RequirementCollection { get; init; }

    public required AccountControllerDashboard StripeDashboard { get; init; }

    /// <summary><c>application</c> when the platform controls the account, <c>account</c> when it controls itself.</summary>
    public required string Type { get; init; }

    public static AccountController ForType(string type) => type switch
    {
        "standard" => Of("account", "stripe", "stripe", "full", isController: false, "account"),
        "express" => Of("application", "application", "stripe", "express", isController: true, "application"),
        _ => Of("application", "application", "application", "none", isController: true, "application"),
    };

    public static AccountController Of(string feesPayer, string losses, string requirementCollection, string dashboard, bool isController, string type) => new()
    {
        Fees = new AccountControllerFees(feesPayer),
        IsController = isController,
        Losses = new AccountControllerLosses(losses),
        RequirementCollection = requirementCollection,
        StripeDashboard = new AccountControllerDashboard(dashboard),
        Type = type,
    };

    /// <summary>The <c>type</c> an account created with only <c>controller</c> shows: the one it matches, else <c>none</c>.</summary>
    public string ImpliedType() =>
        Types.FirstOrDefault(type => ForType(type) == this) ?? "none";
}
