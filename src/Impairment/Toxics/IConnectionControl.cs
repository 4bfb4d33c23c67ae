namespace Harness.Impairment.Toxics;

/// <summary>What a toxic may do to the connection it runs on; toxics never see sockets.</summary>
internal interface IConnectionControl
{
    /// <summary>Closes both sockets of the connection (FIN, or RST when linger 0 was set).</summary>
    void Close();

    /// <summary>Makes every later close of this connection an RST.</summary>
    void SetLingerZero();
}
