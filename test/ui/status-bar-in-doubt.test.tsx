import test from 'ava';
import {render} from 'ink-testing-library';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {voidStateText} from '../../source/i18n/void-state-text.js';
import {StatusBar} from '../../source/ui/components/StatusBar.js';

for (const language of ['en', 'zh-CN'] as const) {
	test(`${language}: the status bar counts voids in doubt, and says nothing of them when there are none`, t => {
		const bar = (inDoubt?: string) => {
			const {lastFrame, unmount} = render(
				<StatusBar
					messages={messagesFor(language)}
					columns={120}
					operator={{operatorNo: '01', name: 'Li', role: 'cashier', at: 0}}
					batchNo="000001"
					printer={{state: 'ready', paperNearEnd: false}}
					waiting={0}
					inDoubt={inDoubt}
					time={Date.UTC(2026, 10, 25, 9, 30)}
					timeZone="Asia/Shanghai"
					isDemo={false}
				/>,
			);
			const frame = lastFrame() ?? '';
			unmount();
			return frame;
		};

		const words = voidStateText[language].inDoubtCount(2);
		t.true(bar(words).includes(words));
		t.false(bar().includes(voidStateText[language].inDoubtCount(0).slice(2)));
	});
}
