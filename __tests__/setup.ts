import { Testing } from 'cdktf';
// Declares the jest matchers (toHaveResourceWithProperties, …) that setupJest adds.
import type {} from 'cdktf/lib/testing/adapters/jest';

Testing.setupJest();
