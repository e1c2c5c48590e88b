namespace Marketplace.Fraud.Reviews;

/// <summary>Where the payment's IP address is; only the country is known (the caller geolocates it).</summary>
public sealed record ReviewIpAddressLocation(string? City, string? Country, double? Latitude, double? Longitude, string? Region);
