"""Developer tools that are not part of the shipped `chitieu` package."""
