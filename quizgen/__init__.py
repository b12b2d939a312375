"""quizgen: turn a news article into a vetted question bank, then into randomized quizzes."""

__version__ = "0.1.0"
