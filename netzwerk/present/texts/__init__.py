"""The texts a person reads, German first, English second: ``TEXTS[key] = (de, en)``."""
