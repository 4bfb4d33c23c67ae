using System.Security.Cryptography;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// 20-character ids in the shape of the xid values the real server sends (12 bytes: seconds, random process
/// part, counter; base32hex, lowercase). Uniqueness is all clients need; they never parse them.
/// </summary>
internal sealed class RequestId(TimeProvider time)
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";
    private readonly byte[] _process = RandomNumberGenerator.GetBytes(5);
    private int _counter = RandomNumberGenerator.GetInt32(int.MaxValue);

    public string Next()
    {
        Span<byte> id = stackalloc byte[12];
        var seconds = (uint)time.GetUtcNow().ToUnixTimeSeconds();
        var counter = (uint)Interlocked.Increment(ref _counter);
        id[0] = (byte)(seconds >> 24);
        id[1] = (byte)(seconds >> 16);
        id[2] = (byte)(seconds >> 8);
        id[3] = (byte)seconds;
        _process.CopyTo(id[4..]);
        id[9] = (byte)(counter >> 16);
        id[10] = (byte)(counter >> 8);
        id[11] = (byte)counter;
        return Encode(id);
    }

    private static string Encode(ReadOnlySpan<byte> id)
    {
        Span<char> text = stackalloc char[20];
        var bits = 0;
        var buffer = 0;
        var written = 0;
        foreach (var b in id)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[written++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        if (bits > 0)
            text[written++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(text[..written]);
    }
}
