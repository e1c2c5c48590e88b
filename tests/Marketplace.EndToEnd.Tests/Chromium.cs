using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>Debian's Chromium, headless, as every browser test here drives it through Playwright.</summary>
public static class Chromium
{
    static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Args });
    }
}
