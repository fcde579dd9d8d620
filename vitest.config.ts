import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/helpers/global-setup.ts'],
		// Terminal tests start the real CLI; on a busy two-core machine a start can take a second or two.
		testTimeout: 20_000,
	},
});
