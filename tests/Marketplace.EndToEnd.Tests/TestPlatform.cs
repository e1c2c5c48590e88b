namespace Marketplace.EndToEnd.Tests;

/// <summary>A platform account and its two first keys, as <c>deploy/local/admin platforms create</c> prints them.</summary>
public sealed record TestPlatform(string Id, string SecretKey, string PublishableKey);
