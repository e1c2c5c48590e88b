using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Marketplace.Data;

/// <summary>
/// Stripe-style ids (<c>pi_…</c>, <c>acct_…</c>): a prefix, then 22 base62 characters encoding
/// 48 bits of Unix milliseconds and 80 random bits. Fixed width and an alphabet in ASCII order make
/// the ids sort by creation time, which keeps B-tree inserts at the right edge and lists cheap. Within one
/// millisecond a process's ids still sort in the order it made them (the random part of the next one is the last
/// one's plus one), so a list shows two objects created in the same millisecond newest first, as they were made.
/// </summary>
public static class PrefixedId
{
    const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    const int EncodedLength = 22; // 62^22 > 2^128
    const int RandomBits = 80;

    static readonly Lock LastLock = new();
    static UInt128 _last;

    public static string New(string prefix) => New(prefix, DateTimeOffset.UtcNow);

    public static string New(string prefix, DateTimeOffset timestamp)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)timestamp.ToUnixTimeMilliseconds() << 16);
        RandomNumberGenerator.Fill(bytes[6..]);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        lock (LastLock)
        {
            if (value >> RandomBits == _last >> RandomBits && value <= _last)
            {
                value = _last + 1;
            }

            if (value > _last)
            {
                _last = value;
            }
        }

        Span<char> encoded = stackalloc char[EncodedLength];
        for (var i = EncodedLength - 1; i >= 0; i--)
        {
            encoded[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return string.Concat(prefix, "_", encoded);
    }
}
