using Marketplace.Contracts.Fraud;

namespace Marketplace.Fraud.Scoring;

/// <summary>A score 0–100, its level, and every factor that made it, largest effect first.</summary>
public sealed record RiskScore(int Score, string Level, IReadOnlyList<RiskFactor> Factors);
