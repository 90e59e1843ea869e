"""An askcraft template pack: data only; askcraft reads the files next to this one."""
