#!/usr/bin/env node
// The same launcher as bin/onrecord.cjs (the package's bin), for those who run this file by name.
import './onrecord.cjs';
