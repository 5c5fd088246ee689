"""netzwerk: map and analyse the network of a city district for its Quartiersmanagement."""

__version__ = "0.1.0"
