namespace Harness.Impairment.Packet.Pipeline;

/// <summary>Decides loss packet by packet; keeps the Gilbert-Elliott state between packets.</summary>
internal sealed class LossModel
{
    private bool _bad;

    /// <summary>Whether the packet is lost. Always consumes two draws so other decisions keep their positions.</summary>
    public bool Lose(PacketImpairmentSettings settings, Random random)
    {
        var lossDraw = random.NextDouble() * 100;
        var transitionDraw = random.NextDouble() * 100;
        if (settings.Bursts is not { } bursts)
        {
            _bad = false;
            return lossDraw < settings.LossPercent;
        }
        var lost = lossDraw < (_bad ? bursts.LossBadPercent : bursts.LossGoodPercent);
        _bad = _bad ? transitionDraw >= bursts.BadToGoodPercent : transitionDraw < bursts.GoodToBadPercent;
        return lost;
    }
}
