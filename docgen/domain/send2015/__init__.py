"""The SEND Code of Practice 0 to 25 (2015) and the SEND Regulations 2014: pure rules."""
