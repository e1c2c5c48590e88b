namespace Marketplace.Messaging.Tests.Support;

/// <summary>Polls a condition of an asynchronous system until it holds, or fails the test with what it last saw.</summary>
static class Eventually
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

            await Task.Delay(50);
            value = await probe();
        }

        return value;
    }
}
