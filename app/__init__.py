"""The readers' site: server-side code beside its Voila configuration."""
