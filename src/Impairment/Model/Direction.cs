namespace Harness.Impairment.Model;

/// <summary>
/// Upstream = bytes the client sends towards the upstream server; downstream = the server's replies.
/// </summary>
public enum Direction
{
    Upstream,
    Downstream,
}
