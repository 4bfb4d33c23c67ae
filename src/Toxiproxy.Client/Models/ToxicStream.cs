namespace Harness.Toxiproxy.Client;

/// <summary>Upstream = bytes from the client towards the server; downstream = the server's replies.</summary>
public enum ToxicStream
{
    Upstream,
    Downstream,
}
