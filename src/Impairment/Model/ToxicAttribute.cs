namespace Harness.Impairment.Model;

/// <summary>One Toxiproxy wire attribute: every attribute of every toxic type is an integer.</summary>
public readonly record struct ToxicAttribute(string Name, long Value);
