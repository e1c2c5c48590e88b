namespace Marketplace.Payments.Authentication;

/// <summary><c>Payments:Authentication</c>: where payers reach the hosted authentication pages.</summary>
public sealed class AuthenticationPageOptions
{
    public const string Section = "Payments:Authentication";

    /// <summary>The public address in front of the pages (the gateway's), which challenge URLs are built on.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8080");
}
