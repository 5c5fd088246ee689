"""What a person reads: display names, labels, number formats and the texts (de, en).

Analyses return plain results and reason codes; the functions here turn them into words.
"""
