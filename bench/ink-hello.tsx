// The baseline of the start-up benchmark: the smallest Ink program, bundled exactly as posvoid is.
import {Text, render, useApp, useInput} from 'ink';

function Hello() {
	const {exit} = useApp();
	useInput(input => {
		if (input === 'q') {
			exit();
		}
	});
	return <Text>hello, counter</Text>;
}

render(<Hello />);
