using Harness.Impairment.Server;
using Microsoft.Extensions.Logging;

namespace Impairment.Server.Tests.Hostile;

/// <summary>An API fixture whose server logs into a recorder: hostile input must never make it log an error.</summary>
public abstract class HostileApiTestBase : ApiTestBase
{
    private readonly RecordingLoggerProvider _recorder = new();
    private ILoggerFactory? _loggers;

    protected override ToxiproxyServerOptions Options
    {
        get
        {
            _loggers ??= LoggerFactory.Create(b => b.AddProvider(_recorder));
            return new()
            {
                Port = 0,
                Seed = 3,
                LoggerFactory = _loggers,
            };
        }
    }

    [SetUp]
    public void ForgetEarlierLogs() => _recorder.Entries.Clear();

    [OneTimeTearDown]
    public void DisposeLoggers() => _loggers?.Dispose();

    protected IEnumerable<string> Recorded => _recorder.Entries;

    protected void AssertNothingLogged() => Assert.That(_recorder.Entries, Is.Empty, "the server logged an error");

    protected async Task<(int Status, string Body)> SendBytesAsync(string method, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body) };
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected static byte[] Utf8WithByte(string json, string marker, byte bad) =>
        [
            .. System.Text.Encoding.UTF8.GetBytes(json[..json.IndexOf(marker, StringComparison.Ordinal)]),
            bad,
            .. System.Text.Encoding.UTF8.GetBytes(json[(json.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..]),
        ];
}
