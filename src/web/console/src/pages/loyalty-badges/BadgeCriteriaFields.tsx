import { Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { ACTIVITY_KINDS } from '../loyalty/loyalty-vocab';
import type { CriteriaKind } from './badge-form';

/** The fields of the chosen criteria: kinds, count and property conditions; or top N by a metric. */
export function BadgeCriteriaFields({ criteria }: { criteria: CriteriaKind }) {
  const { t } = useI18n();
  const metric = Form.useWatch('metric', Form.useFormInstance());
  const kinds = ACTIVITY_KINDS.map((k) => ({ value: k, label: labelOf(t, 'kind', k) }));
  if (criteria === 'activity_count') {
    return (
      <>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item
              name="kinds"
              label={t('badges.kinds')}
              rules={[{ required: true, type: 'array', min: 1, message: t('loyalty.required') }]}
            >
              <Select mode="multiple" allowClear options={kinds} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="count"
              label={t('badges.count.field')}
              rules={[{ required: true, message: t('loyalty.required') }]}
            >
              <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('badges.properties')} extra={t('badges.propertiesHint')}>
          <Form.List name="properties">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="center">
                    <Form.Item name={[f.name, 'key']} noStyle>
                      <Input
                        placeholder={t('badges.propertyKey')}
                        aria-label={t('badges.propertyKey')}
                        maxLength={64}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'type']} noStyle>
                      <Select
                        style={{ width: 100 }}
                        aria-label={t('badges.propertyType.text')}
                        options={(['text', 'number', 'boolean'] as const).map((x) => ({
                          value: x,
                          label: t(`badges.propertyType.${x}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['properties', f.name, 'type']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['properties', f.name, 'type']) === 'boolean' ? (
                          <Form.Item name={[f.name, 'value']} noStyle>
                            <Radio.Group
                              options={[
                                { value: 'true', label: t('common.yes') },
                                { value: 'false', label: t('common.no') },
                              ]}
                            />
                          </Form.Item>
                        ) : (
                          <Form.Item name={[f.name, 'value']} noStyle>
                            <Input
                              placeholder={t('badges.propertyValue')}
                              aria-label={t('badges.propertyValue')}
                              maxLength={200}
                              style={{ flex: 1 }}
                            />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('badges.remove')}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ key: '', type: 'text', value: '' })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('badges.addProperty')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </>
    );
  }
  if (criteria === 'top_contributor') {
    return (
      <Row gutter={16}>
        <Col xs={8}>
          <Form.Item name="top" label={t('badges.top')} rules={[{ required: true, message: t('loyalty.required') }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={16}>
          <Form.Item name="metric" label={t('badges.metric')}>
            <Radio.Group
              options={[
                { value: 'growth', label: t('badges.metric.growth') },
                { value: 'activities', label: t('badges.metric.activities') },
              ]}
            />
          </Form.Item>
        </Col>
        {metric === 'activities' ? (
          <Col xs={24}>
            <Form.Item name="topKinds" label={t('badges.topKinds')}>
              <Select mode="multiple" allowClear options={kinds} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    );
  }
  return null;
}
