namespace LiveRoom.Incidents.Echo;

/// <summary>A bug switch as scenarios write it: <c>--LiveRoom:Echo:ReplayLateFrames=on</c> (case-insensitive).</summary>
public enum BugSwitch
{
    Off,
    On,
}
