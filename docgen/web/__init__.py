"""The local web page: the same work as the command line, in the SENCo's own browser."""
