#!/bin/sh
# Starts docgen's page. Written by 'docgen shortcut': after moving or reinstalling Python or
# docgen, run 'docgen shortcut --force' to write it again.
exec $command
