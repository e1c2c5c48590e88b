using Xunit;

namespace Marketplace.Testing;

/// <summary>Polls a condition of an asynchronous system until it holds, or fails the test with what it last saw.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var value = await probe();
        while (!condition(value))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met in time; last value: {value}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
            value = await probe();
        }

        return value;
    }

    public static Task<T> Until<T>(Func<T> probe, Func<T, bool> condition, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(probe()), condition, timeout);
}
