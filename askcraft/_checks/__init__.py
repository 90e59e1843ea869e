"""Checks: findings, what a checker sees, the registry that runs them, the rules and the tone model."""
